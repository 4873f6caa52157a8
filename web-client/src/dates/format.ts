// Date and time in the viewer's language and zone. Where the browser's Intl lacks the language (Debian's
// Chromium formats no dates in ky, tg, tk and prints "2026 M12 20" for kk and uz), the FormatJS
// DateTimeFormat is loaded as a ponyfill with that one language's data (a lazy chunk, ~17 KB gzipped);
// browsers with full ICU load nothing. The ponyfill formats a wall-clock time given in UTC: the zone's
// wall-clock time is computed with the native Intl, which knows every IANA zone whatever the language,
// so no time-zone data has to be shipped.
import type { Language } from '../i18n/languages';

export type DateTimeFormatter = (instant: Date, timeZone: string) => string;

const STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
const PROBE = new Date(Date.UTC(2026, 11, 20, 12, 0));

/** True when the native Intl cannot format dates in the language (unsupported, or month shown as "M12"). */
export function nativeLacks(language: Language): boolean {
  if (Intl.DateTimeFormat.supportedLocalesOf([language]).length === 0) return true;
  const resolved = new Intl.DateTimeFormat(language).resolvedOptions().locale;
  if (resolved.split('-')[0] !== language) return true;
  const month = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(PROBE);
  return /\bM\d{1,2}\b/.test(month);
}

/** The wall-clock time of the instant in the zone, expressed as the same fields in UTC. */
export function wallClockAsUtc(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return new Date(Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second')));
}

const localeData: Record<Language, () => Promise<unknown>> = {
  en: () => import('@formatjs/intl-datetimeformat/locale-data/en.js'),
  ru: () => import('@formatjs/intl-datetimeformat/locale-data/ru.js'),
  kk: () => import('@formatjs/intl-datetimeformat/locale-data/kk.js'),
  ky: () => import('@formatjs/intl-datetimeformat/locale-data/ky.js'),
  tg: () => import('@formatjs/intl-datetimeformat/locale-data/tg.js'),
  tk: () => import('@formatjs/intl-datetimeformat/locale-data/tk.js'),
  uz: () => import('@formatjs/intl-datetimeformat/locale-data/uz.js'),
};

type Ponyfill = typeof import('@formatjs/intl-datetimeformat').DateTimeFormat;

async function ponyfillFor(language: Language): Promise<Ponyfill> {
  const { DateTimeFormat } = await import('@formatjs/intl-datetimeformat');
  await localeData[language]();
  // the data files register themselves on the global Intl.DateTimeFormat when it is the polyfill; here
  // it is the native one, so they queue their data on globalThis, and we hand it to the ponyfill
  const queued = globalThis as { __FORMATJS_DATETIMEFORMAT_DATA__?: unknown[] };
  for (const data of queued.__FORMATJS_DATETIMEFORMAT_DATA__ ?? []) {
    (DateTimeFormat as unknown as { __addLocaleData: (d: unknown) => void }).__addLocaleData(data);
  }
  delete queued.__FORMATJS_DATETIMEFORMAT_DATA__;
  return DateTimeFormat;
}

/** A formatter for the language: native where it works, the ponyfill otherwise (or when forced, for tests). */
export async function dateTimeFormatter(language: Language, forcePonyfill = false): Promise<DateTimeFormatter> {
  if (!forcePonyfill && !nativeLacks(language)) {
    return (instant, timeZone) => new Intl.DateTimeFormat(language, { ...STYLE, timeZone }).format(instant);
  }
  const DateTimeFormat = await ponyfillFor(language);
  const format = new DateTimeFormat(language, { ...STYLE, timeZone: 'UTC' });
  return (instant, timeZone) => format.format(wallClockAsUtc(instant, timeZone));
}

export interface MeetingTime {
  /** in the viewer's zone */
  readonly local: string;
  /** in the meeting's zone, or null when the two zones show the same time */
  readonly meeting: string | null;
}

/** A meeting's start in the viewer's zone, with the meeting's own zone beside it when that differs. */
export function meetingTime(format: DateTimeFormatter, instant: Date, meetingZone: string, viewerZone: string): MeetingTime {
  const local = format(instant, viewerZone);
  const same = wallClockAsUtc(instant, meetingZone).getTime() === wallClockAsUtc(instant, viewerZone).getTime();
  return { local, meeting: same ? null : format(instant, meetingZone) };
}
