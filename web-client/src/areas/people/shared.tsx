// Pieces the people and organisations screens share: the country choices, a message carried to the
// next screen, and moving focus to the heading when the screen within the area changes.
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import type { Choice } from '../../ui/Field';
import { listCountries, type Country } from './api';
import { countryName } from './display';

/** What the last action did, said on the screen it leads to (e.g. "Registered." on the new person's page). */
export const notice = signal<string | null>(null);

export function takeNotice(): string | null {
  const message = notice.value;
  notice.value = null;
  return message;
}

let countries: Promise<readonly Country[]> | null = null;

/** The five Central Asian countries first, then the rest by name; asked once per page load. */
export function useCountryChoices(): readonly Choice[] {
  const [loaded, setLoaded] = useState<readonly Country[]>([]);
  useEffect(() => {
    let current = true;
    countries ??= listCountries().catch((error: unknown) => {
      countries = null;
      throw error;
    });
    countries.then((list) => current && setLoaded(list), () => undefined);
    return () => {
      current = false;
    };
  }, []);
  const language = translator.value.language;
  // a country without its code cannot be chosen (the documents mark every field optional)
  const named = loaded.flatMap(({ code, name, centralAsia }) =>
    code ? [{ code, centralAsia: centralAsia ?? false, label: countryName(code, language, name) }] : []);
  const first = named.filter((country) => country.centralAsia);
  const rest = named.filter((country) => !country.centralAsia).sort((a, b) => a.label.localeCompare(b.label, language));
  return [...first, ...rest].map((country) => ({ value: country.code, label: country.label }));
}

/** Moves focus to the screen's heading when the screen within the area changes (the shell does it for areas). */
export function useHeadingFocus(key: string): void {
  useEffect(() => {
    document.getElementById('area-title')?.focus();
  }, [key]);
}

/** "3 of 5" style notes and empty states read the same everywhere. */
export function EmptyRow({ columns }: { readonly columns: number }) {
  return (
    <tr>
      <td colSpan={columns}>{t('people.none')}</td>
    </tr>
  );
}
