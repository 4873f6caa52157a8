// What the assignments screens share: who is looking, the names of institutions and countries, a due date
// in words, a finding's citations.
import { account } from '../../api/auth';
import { hasRole } from '../../app/nav';
import { nativeLacks } from '../../dates/format';
import { translator, t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { listInstitutions, type Assignment, type Citation, type Strand } from './api';
import { dueOf, type Viewer } from './logic';

export function viewerNow(): Viewer {
  const session = account.value.state === 'signedIn' ? account.value : null;
  const roles = session?.roles ?? [];
  return { coordinator: hasRole(roles, 'coordinator'), expert: hasRole(roles, 'expert'), personId: session?.subject || null };
}

/** Institution id → name from the catalogue (the id itself when the catalogue cannot be read). */
export async function institutionNames(): Promise<ReadonlyMap<string, string>> {
  const list = await listInstitutions().catch(() => []);
  return new Map(list.flatMap((i) => (i.id && i.name ? [[i.id, i.name] as const] : [])));
}

/** "KZ" → "Kazakhstan" / "Казахстан" where the browser knows the language, else the code. */
export function country(code: string | undefined): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([translator.value.language], { type: 'region', fallback: 'none' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export const strandKey = (strand: Strand | undefined) => `assignments.strand.${strand ?? 'STANDARDS_AND_RULES'}` as MessageKey;

const lacks = new Map<string, boolean>();

/** A day (YYYY-MM-DD) in the person's language where the browser knows it, else as written. */
export function day(value: string | undefined): string {
  if (!value) return '';
  const language = translator.value.language;
  if (!lacks.has(language)) lacks.set(language, nativeLacks(language));
  if (lacks.get(language)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The due date and, while the work is the expert's, how it stands, in words (overdue is not only red). */
export function DueText({ assignment, today }: { readonly assignment: Assignment; readonly today: string }) {
  const due = dueOf(assignment, today);
  return (
    <span class="due">
      <span>{day(assignment.dueDate)}</span>
      {due?.kind === 'overdue' && <strong class="due-overdue">{t('assignments.due.overdue', { days: due.days })}</strong>}
      {due?.kind === 'today' && <strong>{t('assignments.due.today')}</strong>}
      {due?.kind === 'ahead' && <span class="due-ahead">{t('assignments.due.ahead', { days: due.days })}</span>}
    </span>
  );
}

export function CitationList({ citations, id }: { readonly citations: readonly Citation[]; readonly id?: string }) {
  if (citations.length === 0) return null;
  return (
    <ol class="citations" id={id}>
      {citations.map((c, index) => (
        <li key={index}>
          {c.document && <span class="citation-title">{c.document}</span>}
          {c.link && <> <a href={c.link} rel="noopener noreferrer" target="_blank">{c.link}</a></>}
          {c.accessedOn && <span class="citation-date">{t('assignments.citation.readOn', { date: day(c.accessedOn) })}</span>}
          {c.quote && <blockquote>{c.quote}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
