import { describe, expect, it } from 'vitest';
import {
  STORAGE_KEY,
  fallbackChain,
  initialLanguage,
  matchLanguage,
  rememberLanguage,
  rememberedLanguage,
} from './languages';

describe('choosing the language', () => {
  it('starts from the first browser language we speak', () => {
    expect(initialLanguage(['ky-KG', 'ru-RU', 'en'], null)).toBe('ky');
    expect(initialLanguage(['de-DE', 'uz-Latn-UZ'], null)).toBe('uz');
    expect(initialLanguage(['fr', 'de'], null)).toBe('en');
  });

  it('prefers the remembered choice, and ignores one that is not a language of ours', () => {
    expect(initialLanguage(['ru'], 'tg')).toBe('tg');
    expect(initialLanguage(['ru'], 'xx')).toBe('ru');
    expect(initialLanguage(['ru'], '<script>')).toBe('ru');
  });

  it('matches base subtags case-insensitively', () => {
    expect(matchLanguage('KK_kz')).toBe('kk');
    expect(matchLanguage('tk-TM')).toBe('tk');
    expect(matchLanguage('tr')).toBeNull();
  });

  it('remembers only the language code', () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void stored.set(k, v), getItem: (k: string) => stored.get(k) ?? null };
    const jar = { cookie: '' };
    rememberLanguage(storage, 'kk', jar);
    expect([...stored.entries()]).toEqual([[STORAGE_KEY, 'kk']]);
    expect(rememberedLanguage(storage)).toBe('kk');
    // and in a cookie for the identity service's pages: the code only, the whole site, a year, not sent cross-site
    expect(jar.cookie).toBe('civic-lang=kk; Path=/; Max-Age=31536000; SameSite=Lax');
  });

  it('survives storage that throws (disabled by policy or private mode)', () => {
    const broken = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('denied'); },
    };
    expect(rememberedLanguage(broken)).toBeNull();
    expect(() => rememberLanguage(broken, 'ru')).not.toThrow();
  });

  it('falls back from the region languages to Russian, then English', () => {
    expect(fallbackChain('ky')).toEqual(['ky', 'ru', 'en']);
    expect(fallbackChain('ru')).toEqual(['ru', 'en']);
    expect(fallbackChain('en')).toEqual(['en']);
  });
});
