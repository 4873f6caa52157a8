// Names of countries and dates in the person's language, shared by people, organisations and the dashboard.
import { useEffect, useState } from 'preact/hooks';
import { translator } from '../../i18n/i18n';
import { dateTimeFormatter, type DateTimeFormatter } from '../../dates/format';
import { viewerZone } from '../../dates/zones';

/** "KG" → "Kyrgyzstan" / "Киргизия" in the language if the browser knows it, else the fallback or the code. */
export function countryName(code: string, language: string, fallback?: string): string {
  try {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    return names.of(code.toUpperCase()) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

const iso: DateTimeFormatter = (instant, timeZone) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);

/** A formatter in the current language (the ponyfill for languages the browser lacks, loaded lazily). */
export function useDateTimeFormatter(): DateTimeFormatter {
  const language = translator.value.language;
  const [format, setFormat] = useState<{ language: string; format: DateTimeFormatter } | null>(null);
  useEffect(() => {
    let current = true;
    dateTimeFormatter(language).then(
      (loaded) => current && setFormat({ language, format: loaded }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [language]);
  return format?.language === language ? format.format : iso;
}

/** An instant from the API in the viewer's zone, or '' when there is none. */
export function formatInstant(format: DateTimeFormatter, instant: string | null | undefined, zone = viewerZone()): string {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : format(date, zone);
}
