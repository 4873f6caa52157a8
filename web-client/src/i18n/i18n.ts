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
/** The language asked for last (the translator shows it once its catalogues are loaded). */
let wanted: Language = 'en';
/** The latest rebuild (an area whose parts are already asked for waits for it too). */
let pending: Promise<void> = Promise.resolve();

/** The language's chain, each step with the shell's catalogue and the given parts merged. */
async function cataloguesOf(language: Language, parts: readonly Part[]) {
  const chain = fallbackChain(language);
  const loaded = await Promise.all(chain.map(async (code) => {
    const [base, ...rest] = await Promise.all([loadCatalogue(code), ...parts.map((part) => loadPart(code, part))]);
    return Object.assign({}, base, ...rest) as Catalogue;
  }));
  return Object.fromEntries(chain.map((code, i) => [code, loaded[i]]));
}

/**
 * Builds the translator for the wanted language with every loaded part. A language switch and an area's part may
 * load at the same time (an area opened while the first language is still loading): whatever finished last, the
 * translator is only set from catalogues that hold the language wanted now and every part asked for by now.
 */
async function rebuild(): Promise<void> {
  for (;;) {
    const language = wanted;
    const parts = [...loadedParts];
    const catalogues = await cataloguesOf(language, parts);
    if (language === wanted && parts.length === loadedParts.size) {
      translator.value = new Translator(language, catalogues);
      return;
    }
  }
}

/** Loads the language's chain, switches every string, sets <html lang> and remembers the choice. */
export async function switchLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  wanted = language;
  await (pending = rebuild());
  document.documentElement.lang = language;
  if (storage) rememberLanguage(storage, language);
}

/** Loads the parts an area shows (in the current language's chain) before the area is drawn. */
export async function loadParts(parts: readonly Part[]): Promise<void> {
  const missing = parts.filter((part) => !loadedParts.has(part));
  if (missing.length === 0) return pending.catch(() => undefined);
  for (const part of missing) loadedParts.add(part);
  try {
    await (pending = rebuild());
  } catch (failure) {
    for (const part of missing) loadedParts.delete(part); // tried again when the area is opened again
    throw failure;
  }
}

/** The language to start with: the remembered choice, else the browser's languages. */
export function startingLanguage(): Language {
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  return initialLanguage(navigator.languages ?? [navigator.language], rememberedLanguage(storage));
}
