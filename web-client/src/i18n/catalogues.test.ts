import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages/en';
import { PARTS } from './messages/parts';
import { ru } from './messages/ru';
import { kk } from './messages/kk';
import { ky } from './messages/ky';
import { tg } from './messages/tg';
import { tk } from './messages/tk';
import { uz } from './messages/uz';

// the parts loaded with their areas (../messages/parts.ts) count as if they were in the language's catalogue
const partFiles = import.meta.glob<Record<string, Record<string, string>>>('./messages/*/{research,assignments,note,strategy,consultations,guide,admin}.ts', { eager: true });
function withParts(language: string, base: Record<string, string>): Record<string, string> {
  const merged = { ...base };
  for (const [path, module] of Object.entries(partFiles)) {
    if (path.startsWith(`./messages/${language}/`)) for (const messages of Object.values(module)) Object.assign(merged, messages);
  }
  return merged;
}
const catalogues: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries({ en, ru, kk, ky, tg, tk, uz }).map(([language, base]) => [language, withParts(language, base)]));
const englishKeys = Object.keys(catalogues['en']!).sort();

describe('message catalogues', () => {
  it.each(['en', 'ru'])('%s has every key (the build fails otherwise)', (language) => {
    const missing = englishKeys.filter((key) => !(key in catalogues[language]!));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(catalogues))('%s has no key that en lacks', (language) => {
    const extra = Object.keys(catalogues[language]!).filter((key) => !(key in catalogues['en']!));
    expect(extra).toEqual([]);
  });

  it.each(['kk', 'ky', 'tg', 'tk', 'uz'])('%s is complete too (marked for native review)', (language) => {
    const missing = englishKeys.filter((key) => !(key in catalogues[language]!));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(catalogues))('every %s message is valid ICU and formats with sample values', (language) => {
    for (const [key, message] of Object.entries(catalogues[language]!)) {
      const format = new IntlMessageFormat(message, language);
      // every argument a message names gets a sample value (3 suits plurals, numbers and strings alike)
      const samples = new Proxy({}, { has: () => true, get: () => 3 });
      const out = format.format(samples);
      expect(out, `${language} ${key}`).not.toContain('{');
    }
  });

  it('each language has a file for every part (a part lives in one file per language)', () => {
    for (const language of Object.keys(catalogues)) {
      for (const part of PARTS) expect(Object.keys(partFiles), `${language}/${part}`).toContain(`./messages/${language}/${part}.ts`);
    }
  });

  it('kk, ky and tg are written in Cyrillic, tk and uz in Latin', () => {
    for (const language of ['kk', 'ky', 'tg']) {
      expect(catalogues[language]!['shell.signIn']).toMatch(/^[\u0400-\u04FF ]+$/);
    }
    for (const language of ['tk', 'uz']) {
      expect(catalogues[language]!['shell.signIn']).toMatch(/^[A-Za-zÀ-ž ]+$/);
    }
  });
});
