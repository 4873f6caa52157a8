// The current language as a signal: components that call t() re-render when it changes.
import { signal } from '@preact/signals';
import { en, type MessageKey } from './messages/en';
import { loadCatalogue } from './messages';
import { Translator, type MessageValues } from './translator';
import {
  fallbackChain,
  initialLanguage,
  rememberLanguage,
  rememberedLanguage,
  type Language,
} from './languages';

export const translator = signal(new Translator('en', { en }));

export function t(key: MessageKey, values?: MessageValues): string {
  return translator.value.t(key, values);
}

/** Loads the language's chain, switches every string, sets <html lang> and remembers the choice. */
export async function switchLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  const chain = fallbackChain(language);
  const loaded = await Promise.all(chain.map((code) => loadCatalogue(code)));
  translator.value = new Translator(language, Object.fromEntries(chain.map((code, i) => [code, loaded[i]])));
  document.documentElement.lang = language;
  if (storage) rememberLanguage(storage, language);
}

/** The language to start with: the remembered choice, else the browser's languages. */
export function startingLanguage(): Language {
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  return initialLanguage(navigator.languages ?? [navigator.language], rememberedLanguage(storage));
}
