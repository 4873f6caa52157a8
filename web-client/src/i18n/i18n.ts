// The current language as a signal: components that call t() re-render when it changes.
import { signal } from '@preact/signals';
import { en, type Catalogue, type MessageKey } from './messages/en';
import { loadCatalogue } from './messages';
import { loadPart, type Part } from './messages/parts';
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

/** The parts of the catalogue loaded so far (an area's part comes with the area, in every later language too). */
const loadedParts = new Set<Part>();

/** The language's chain, each step with the shell's catalogue and every loaded part merged. */
async function cataloguesOf(language: Language) {
  const chain = fallbackChain(language);
  const parts = [...loadedParts];
  const loaded = await Promise.all(chain.map(async (code) => {
    const [base, ...rest] = await Promise.all([loadCatalogue(code), ...parts.map((part) => loadPart(code, part))]);
    return Object.assign({}, base, ...rest) as Catalogue;
  }));
  return Object.fromEntries(chain.map((code, i) => [code, loaded[i]]));
}

/** Loads the language's chain, switches every string, sets <html lang> and remembers the choice. */
export async function switchLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  translator.value = new Translator(language, await cataloguesOf(language));
  document.documentElement.lang = language;
  if (storage) rememberLanguage(storage, language);
}

/** Loads the parts an area shows (in the current language's chain) before the area is drawn. */
export async function loadParts(parts: readonly Part[]): Promise<void> {
  const missing = parts.filter((part) => !loadedParts.has(part));
  if (missing.length === 0) return;
  for (const part of missing) loadedParts.add(part);
  const language = translator.value.language;
  let catalogues;
  try {
    catalogues = await cataloguesOf(language);
  } catch (failure) {
    for (const part of missing) loadedParts.delete(part); // tried again when the area is opened again
    throw failure;
  }
  // a language switched meanwhile has loaded the parts itself
  if (translator.value.language === language) translator.value = new Translator(language, catalogues);
}

/** The language to start with: the remembered choice, else the browser's languages. */
export function startingLanguage(): Language {
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  return initialLanguage(navigator.languages ?? [navigator.language], rememberedLanguage(storage));
}
