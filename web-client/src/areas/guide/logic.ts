// What the translation workspace shows and offers, as pure functions: a section's status in a language (in
// words and a shape, never colour only), which languages a person translates, which actions a status offers
// to which role, the completeness rows and whether a language can be published. The service decides anyway;
// these only keep the screen from offering what it would refuse.
import type { MessageKey } from '../../i18n/messages/en';
import { isLanguage, LANGUAGE_NAMES } from '../../i18n/languages';
import type { DiffLine, Guide, LanguageView, SectionView, Translators } from './api';

export type Status = 'MISSING' | 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'STALE';
export const STATUSES: readonly Status[] = ['MISSING', 'DRAFT', 'IN_REVIEW', 'APPROVED', 'STALE'];

/** Each status's words and its mark: a shape that differs without colour (the colour only repeats it). */
export const STATUS_LOOK: Readonly<Record<Status, { readonly label: MessageKey; readonly mark: string; readonly css: string }>> = {
  MISSING: { label: 'guide.status.missing', mark: '○', css: 'missing' },
  DRAFT: { label: 'guide.status.draft', mark: '✎', css: 'draft' },
  IN_REVIEW: { label: 'guide.status.submitted', mark: '◐', css: 'submitted' },
  APPROVED: { label: 'guide.status.approved', mark: '✓', css: 'approved' },
  STALE: { label: 'guide.status.stale', mark: '⚠', css: 'stale' },
};

export function toStatus(value: string | null | undefined): Status {
  return (STATUSES as readonly string[]).includes(value ?? '') ? (value as Status) : 'MISSING';
}

/** A section's status in a language as the guide answers it (a language it does not list: missing). */
export function sectionStatus(section: SectionView, language: string): Status {
  return toStatus(section.translations?.[language]?.status);
}

/** A language's name in itself (Кыргызча), or its code for one the workspace does not speak. */
export function languageName(code: string): string {
  return isLanguage(code) ? LANGUAGE_NAMES[code] : code;
}

/** The languages the person translates into: assigned to them and holding the translator role. */
export function myLanguages(translators: Translators, subject: string | null, roles: readonly string[]): string[] {
  if (!subject || !roles.includes('translator')) return [];
  return Object.entries(translators).filter(([, ids]) => ids.includes(subject)).map(([language]) => language);
}

export type TranslationAction = 'save' | 'submit' | 'approve' | 'return';

/**
 * What a section's translation offers: its translators write (a draft, also over an approved or stale one, which
 * the service turns into a draft of the current revision) and submit a saved draft; coordinators approve or return
 * one in review. Submitting waits until the text on screen is saved.
 */
export function translationActions(status: Status, who: { readonly translates: boolean; readonly coordinates: boolean },
  unsaved: boolean): TranslationAction[] {
  const actions: TranslationAction[] = [];
  if (who.translates) actions.push('save');
  if (who.translates && status === 'DRAFT' && !unsaved) actions.push('submit');
  if (who.coordinates && status === 'IN_REVIEW') actions.push('approve', 'return');
  return actions;
}

export interface CompletenessRow {
  readonly language: string;
  readonly approved: number;
  readonly total: number;
  readonly stale: number;
  /** whole percent approved (0 for a guide without sections) */
  readonly percent: number;
  readonly complete: boolean;
  readonly lastEdition: number;
}

export function completenessRows(languages: readonly LanguageView[] | undefined): CompletenessRow[] {
  return (languages ?? []).filter((l) => l.language).map((l) => {
    const approved = l.approved ?? 0;
    const total = l.total ?? 0;
    return {
      language: l.language ?? '',
      approved,
      total,
      stale: l.stale ?? 0,
      percent: total > 0 ? Math.floor((approved * 100) / total) : 0,
      complete: l.complete === true,
      lastEdition: l.lastEdition ?? 0,
    };
  });
}

/** The service publishes a language's next edition only when every section is approved in it (coordinators). */
export function canPublish(row: CompletenessRow, coordinates: boolean): boolean {
  return coordinates && row.complete && row.total > 0 && row.approved === row.total;
}

/** How many sections of a language are in each status (the workspace's summary line). */
export function statusCounts(guide: Guide, language: string): Readonly<Record<Status, number>> {
  const counts: Record<Status, number> = { MISSING: 0, DRAFT: 0, IN_REVIEW: 0, APPROVED: 0, STALE: 0 };
  for (const section of guide.sections ?? []) counts[sectionStatus(section, language)]++;
  return counts;
}

export type DiffOp = 'same' | 'removed' | 'added';

/** The source-diff's lines (SAME / REMOVED / ADDED) as the screen marks them; an unknown op reads as unchanged. */
export function diffLines(lines: readonly DiffLine[] | undefined): { readonly op: DiffOp; readonly text: string }[] {
  return (lines ?? []).map((line) => ({
    op: line.op === 'REMOVED' ? 'removed' : line.op === 'ADDED' ? 'added' : 'same',
    text: line.text ?? '',
  }));
}

/** The translation's target languages the guide lists, the source language excluded. */
export function targetLanguages(guide: Guide): string[] {
  return (guide.targetLanguages ?? []).filter((l) => l !== guide.sourceLanguage);
}
