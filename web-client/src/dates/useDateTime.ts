// The date-time formatter of the current language for components: native Intl at once, replaced by the
// FormatJS ponyfill when the language needs it (kk, ky, tg, tk, uz on Debian's Chromium) once it has loaded.
import { useEffect, useState } from 'preact/hooks';
import { translator } from '../i18n/i18n';
import { dateTimeFormatter, type DateTimeFormatter } from './format';

const native: DateTimeFormatter = (instant, timeZone) =>
  new Intl.DateTimeFormat(translator.value.language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);

export function useDateTime(): DateTimeFormatter {
  const language = translator.value.language;
  const [format, setFormat] = useState<{ language: string; format: DateTimeFormatter } | null>(null);
  useEffect(() => {
    let current = true;
    void dateTimeFormatter(language).then((loaded) => current && setFormat({ language, format: loaded }));
    return () => {
      current = false;
    };
  }, [language]);
  return format?.language === language ? format.format : native;
}
