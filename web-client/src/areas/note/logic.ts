// What the note screens show, as pure functions: the findings of a note by id, "what changed" as rows with the
// statement's words compared, whether publishing is offered, and a download's progress in words.
import { wordDiff, type DiffPart } from '../../ui/diff';
import type { Changes, InstitutionPart, NoteFinding } from './api';

export interface Located {
  readonly finding: NoteFinding;
  readonly institution: string;
  readonly country: string;
}

/** Every finding of a note's content with where it sits (institution name, country name). */
export function findingsOf(parts: readonly InstitutionPart[] | undefined): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const part of parts ?? []) {
    for (const country of part.countries ?? []) {
      for (const finding of country.findings ?? []) {
        if (finding.findingId) {
          found.set(finding.findingId, { finding, institution: part.name ?? part.id ?? '', country: country.name ?? country.code ?? '' });
        }
      }
    }
  }
  return found;
}

export type ChangeRow =
  | { readonly kind: 'added'; readonly findingId: string; readonly where: string; readonly statement: string }
  | { readonly kind: 'removed'; readonly findingId: string; readonly where: string; readonly statement: string }
  | { readonly kind: 'changed'; readonly findingId: string; readonly where: string; readonly what: readonly string[];
      readonly from: number; readonly to: number; readonly statement: readonly DiffPart[] };

function where(located: Located | undefined, institutionId?: string, country?: string): string {
  return located ? `${located.institution} — ${located.country}` : [institutionId, country].filter(Boolean).join(' — ');
}

/**
 * "What changed" between a version and the one before, readable: added and removed findings with their statements,
 * changed ones with the statement's words compared (the earlier statement comes from the earlier version).
 */
export function changeRows(changes: Changes | undefined, now: Map<string, Located>, before: Map<string, Located>): ChangeRow[] {
  if (!changes) return [];
  const rows: ChangeRow[] = [];
  for (const entry of changes.added ?? []) {
    const located = now.get(entry.findingId ?? '');
    rows.push({ kind: 'added', findingId: entry.findingId ?? '', where: where(located, entry.institutionId, entry.country),
      statement: located?.finding.statement ?? '' });
  }
  for (const entry of changes.removed ?? []) {
    const located = before.get(entry.findingId ?? '');
    rows.push({ kind: 'removed', findingId: entry.findingId ?? '', where: where(located, entry.institutionId, entry.country),
      statement: located?.finding.statement ?? '' });
  }
  for (const entry of changes.changed ?? []) {
    const id = entry.findingId ?? '';
    const located = now.get(id);
    rows.push({
      kind: 'changed', findingId: id, where: where(located, entry.institutionId, entry.country), what: entry.what ?? [],
      from: entry.fromVersion ?? 0, to: entry.toVersion ?? 0,
      statement: wordDiff(before.get(id)?.finding.statement ?? '', located?.finding.statement ?? ''),
    });
  }
  return rows;
}

/** Publishing is offered to coordinators when the draft has findings and differs from the latest version. */
export function publishOffered(roles: readonly string[], draft: { findings?: number; changes?: Changes }): boolean {
  if (!roles.includes('coordinator') || (draft.findings ?? 0) === 0) return false;
  return draft.changes?.empty !== true;
}

export type DownloadState =
  | { readonly state: 'idle' }
  | { readonly state: 'preparing'; readonly seconds: number; readonly received: number; readonly total: number | null }
  | { readonly state: 'done'; readonly name: string }
  | { readonly state: 'failed'; readonly error: unknown };

/** Kilobytes for a person (one decimal below 10). */
export function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 10 ? kb.toFixed(1) : String(Math.round(kb));
}
