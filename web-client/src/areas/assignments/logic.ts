// What the assignments screens offer and show, as pure functions: the service decides anyway, the screens
// only spare people buttons it would refuse (AssignmentsController / FindingsController, research README).
import type { MessageKey } from '../../i18n/messages/en';
import type { Assignment, AssignmentStatus, CitationBody, Finding, FindingBody } from './api';

export interface Viewer {
  readonly coordinator: boolean;
  readonly expert: boolean;
  readonly personId: string | null;
}

/** A day (YYYY-MM-DD) as days since the epoch, or null when it is no day. */
function dayNumber(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Today in the browser's own calendar, as the service writes days. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type Due =
  | { readonly kind: 'overdue'; readonly days: number }
  | { readonly kind: 'today' }
  | { readonly kind: 'ahead'; readonly days: number };

/**
 * How the due date stands while the work is the expert's (assigned, in progress, returned); a submitted or
 * accepted assignment is overdue for nobody. Said in words on the screen, never by colour alone.
 */
export function dueOf(assignment: Assignment, today: string): Due | null {
  if (!assignment.dueDate || !expertsTurn(assignment.status)) return null;
  const due = dayNumber(assignment.dueDate);
  const now = dayNumber(today);
  if (due === null || now === null) return null;
  if (due < now) return { kind: 'overdue', days: now - due };
  if (due === now) return { kind: 'today' };
  return { kind: 'ahead', days: due - now };
}

function expertsTurn(status: AssignmentStatus | undefined): boolean {
  return status === 'ASSIGNED' || status === 'IN_PROGRESS' || status === 'RETURNED';
}

/** The assigned expert writes findings while the work is theirs (an assigned one is started on the first save). */
export function mayWrite(viewer: Viewer, assignment: Assignment): boolean {
  return viewer.personId !== null && assignment.expertId === viewer.personId && expertsTurn(assignment.status);
}

/** A finding the expert may change: theirs, the work theirs, not accepted. */
export function mayRevise(viewer: Viewer, assignment: Assignment, finding: Finding): boolean {
  return mayWrite(viewer, assignment) && finding.status !== 'ACCEPTED' && finding.id !== undefined;
}

/**
 * Submitting the assignment for review: in progress or returned, with at least one finding and none still
 * returned for revision (the service answers 409 otherwise).
 */
export function maySubmit(viewer: Viewer, assignment: Assignment, findings: readonly Finding[]): boolean {
  return mayWrite(viewer, assignment) && assignment.status !== 'ASSIGNED' && findings.length > 0
    && !findings.some((f) => f.status === 'RETURNED');
}

/** A coordinator reviews a submitted assignment's submitted findings: accept (the assignment) or return (a finding). */
export function mayReview(viewer: Viewer, assignment: Assignment, finding?: Finding): boolean {
  return viewer.coordinator && assignment.status === 'SUBMITTED' && (finding === undefined || finding.status === 'SUBMITTED');
}

export type FindingState = 'draft' | 'inReview' | 'returned' | 'accepted';

/**
 * A finding in words: saved but not sent while its assignment is still the expert's (a draft), in review
 * once the assignment is submitted, returned with a comment, accepted.
 */
export function findingState(assignment: Assignment, finding: Finding): FindingState {
  if (finding.status === 'ACCEPTED') return 'accepted';
  if (finding.status === 'RETURNED') return 'returned';
  return assignment.status === 'SUBMITTED' || assignment.status === 'ACCEPTED' ? 'inReview' : 'draft';
}

export function latest(finding: Finding) {
  const versions = finding.versions ?? [];
  return versions[versions.length - 1];
}

/** The comments on the finding, the newest first (each says which version it was about). */
export function commentsNewestFirst(finding: Finding) {
  return [...(finding.comments ?? [])].reverse();
}

// --- the editor ---

export interface CitationDraft {
  readonly key: number;
  readonly title: string;
  readonly link: string;
  readonly accessedOn: string;
  readonly quote: string;
}

export interface FindingDraft {
  readonly statement: string;
  readonly confidence: string;
  readonly citations: readonly CitationDraft[];
  readonly standardIds: readonly string[];
}

let nextKey = 1;
export function emptyCitation(): CitationDraft {
  return { key: nextKey++, title: '', link: '', accessedOn: '', quote: '' };
}

/** The editor's starting point: the finding's latest version, or an empty finding with one citation row. */
export function draftOf(finding?: Finding): FindingDraft {
  const content = finding ? latest(finding)?.content : undefined;
  const citations = (content?.evidence ?? []).map((c): CitationDraft => ({
    key: nextKey++,
    title: c.document ?? '',
    link: c.link ?? '',
    accessedOn: c.accessedOn ?? '',
    quote: c.quote ?? '',
  }));
  return {
    statement: content?.statement ?? '',
    confidence: content?.confidence ?? 'medium',
    citations: citations.length > 0 ? citations : [emptyCitation()],
    standardIds: content?.standardIds ?? [],
  };
}

function blank(text: string): boolean {
  return text.trim() === '';
}

function untouched(c: CitationDraft): boolean {
  return blank(c.title) && blank(c.link) && blank(c.accessedOn) && blank(c.quote);
}

/** What is sent: trimmed, empty parts left out, untouched citation rows dropped. */
export function bodyOf(draft: FindingDraft): FindingBody {
  const evidence = draft.citations.filter((c) => !untouched(c)).map((c): CitationBody => {
    const body: { -readonly [K in keyof CitationBody]: CitationBody[K] } = { accessedOn: c.accessedOn.trim() };
    if (!blank(c.title)) body.document = c.title.trim();
    if (!blank(c.link)) body.link = c.link.trim();
    if (!blank(c.quote)) body.quote = c.quote.trim();
    return body;
  });
  return { statement: draft.statement.trim(), confidence: draft.confidence, evidence, standardIds: [...draft.standardIds] };
}

/** The form's own checks, as the service's (field → message key; the service's 422 fills in the rest). */
export function checkDraft(draft: FindingDraft, today: string): Readonly<Record<string, MessageKey>> {
  const errors: Record<string, MessageKey> = {};
  if (blank(draft.statement)) errors['statement'] = 'field.required';
  const used = draft.citations.filter((c) => !untouched(c));
  if (used.length === 0) errors['evidence'] = 'assignments.citation.atLeastOne';
  draft.citations.forEach((c) => {
    if (untouched(c)) return;
    const id = `citation-${c.key}`;
    if (blank(c.title) && blank(c.link)) errors[`${id}-title`] = 'assignments.citation.titleOrLink';
    if (!blank(c.link) && !/^https?:\/\/\S+$/.test(c.link.trim())) errors[`${id}-link`] = 'assignments.citation.linkForm';
    const day = dayNumber(c.accessedOn.trim());
    const now = dayNumber(today);
    if (blank(c.accessedOn)) errors[`${id}-date`] = 'field.required';
    else if (day === null || (now !== null && day > now)) errors[`${id}-date`] = 'assignments.citation.datePast';
  });
  return errors;
}

/** The service's 422 names citation fields by position (evidence[0].link): the editor's field ids instead. */
export function editorFieldOf(serviceField: string, draft: FindingDraft): string {
  const match = /^evidence\[(\d+)]\.(\w+)$/.exec(serviceField);
  if (!match) return serviceField;
  const used = draft.citations.filter((c) => !untouched(c));
  const row = used[Number(match[1])];
  if (!row) return 'evidence';
  const part = { document: 'title', link: 'link', accessedOn: 'date', quote: 'quote' }[match[2] ?? ''] ?? 'title';
  return `citation-${row.key}-${part}`;
}

// --- lists ---

export const STATUS_KEYS: Readonly<Record<AssignmentStatus, MessageKey>> = {
  ASSIGNED: 'assignments.status.ASSIGNED',
  IN_PROGRESS: 'assignments.status.IN_PROGRESS',
  SUBMITTED: 'assignments.status.SUBMITTED',
  RETURNED: 'assignments.status.RETURNED',
  ACCEPTED: 'assignments.status.ACCEPTED',
};
