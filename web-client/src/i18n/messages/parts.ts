// The catalogues of the areas added in part 2 of the workspace are loaded with their area, not with the shell:
// the first screen carries only the messages it can show. Each part is one file per language,
// src/i18n/messages/<lang>/<part>.ts, exporting a const named after the part (English is the reference).
import type { research } from './en/research';
import type { assignments } from './en/assignments';
import type { note } from './en/note';
import type { strategy } from './en/strategy';
import type { consultations } from './en/consultations';
import type { guide } from './en/guide';
import type { admin } from './en/admin';
import type { Language } from '../languages';

export const PARTS = ['research', 'assignments', 'note', 'strategy', 'consultations', 'guide', 'admin'] as const;
export type Part = (typeof PARTS)[number];

/** Every key of the parts (t() accepts them; they resolve once their part is loaded). */
export type PartMessages = typeof research & typeof assignments & typeof note & typeof strategy
  & typeof consultations & typeof guide & typeof admin;

type PartModule = Record<string, Readonly<Record<string, string>>>;
const files = import.meta.glob<PartModule>('./*/{research,assignments,note,strategy,consultations,guide,admin}.ts');

/** The part's messages in one language ({} when that language has no file for it: the chain falls back). */
export async function loadPart(language: Language, part: Part): Promise<Readonly<Record<string, string>>> {
  const loader = files[`./${language}/${part}.ts`];
  if (!loader) return {};
  const module = await loader();
  return module[part] ?? {};
}

/** Another language's file for a part: any subset of the English part's keys (the tests demand them all). */
export type PartCatalogue<English> = { readonly [K in keyof English]?: string };
