// The strategy area's rules as pure functions: what a viewer is offered for a version (the service decides
// anyway: coordinators start, edit and adopt; members read), the editable text of each section, the content
// after an edit, and each section as text for comparing two versions.
import type { Action, ActionStatus, Content, Risk, Round, VersionSummary, VersionView } from './api';

/** The sections in the service's order (StrategyContent.SECTIONS). */
export const SECTIONS = ['context', 'goals', 'targetInstitutions', 'objectives', 'actions', 'indicators', 'risks', 'evidence'] as const;
export type SectionKey = (typeof SECTIONS)[number];

/** Sections edited as text: context as Markdown, the lists one item per line (each item inline Markdown). */
export const TEXT_SECTIONS = ['context', 'goals', 'targetInstitutions', 'objectives', 'indicators'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];
export type ListSection = Exclude<TextSection, 'context'>;

export const isListSection = (key: TextSection): key is ListSection => key !== 'context';

/** The service's limit on each strategy text (goals, actions, indicators, risks…). */
export const MAX_TEXT = 20_000;

export type FullAction = Required<Action>;
export type FullRisk = Required<Risk>;

/** A version's content with every field present (what the screens edit and send back whole). */
export interface FullContent {
  readonly context: string;
  readonly goals: string[];
  readonly targetInstitutions: string[];
  readonly objectives: string[];
  readonly actions: FullAction[];
  readonly indicators: string[];
  readonly risks: FullRisk[];
  readonly evidence: string[];
}

/** The content with every list present (the service leaves nothing out today; older answers may). */
export function normalized(content: Content | undefined): FullContent {
  const c = content ?? {};
  return {
    context: c.context ?? '',
    goals: c.goals ?? [],
    targetInstitutions: c.targetInstitutions ?? [],
    objectives: c.objectives ?? [],
    actions: (c.actions ?? []).map((a) => ({ text: a.text ?? '', ownerId: a.ownerId ?? '', due: a.due ?? '', status: a.status ?? 'PLANNED' })),
    indicators: c.indicators ?? [],
    risks: (c.risks ?? []).map((r) => ({ description: r.description ?? '', mitigation: r.mitigation ?? '', reprisal: r.reprisal ?? false })),
    evidence: c.evidence ?? [],
  };
}

export const isDraft = (version: VersionSummary | VersionView) => version.status === 'DRAFT';

/** A coordinator may start a draft when there is none open: no version yet, or the latest is adopted. */
export function canStartDraft(coordinator: boolean, versions: readonly VersionSummary[]): boolean {
  const latest = versions[versions.length - 1];
  return coordinator && (latest === undefined || latest.status === 'ADOPTED');
}

/** Edit controls only for coordinators, and only on a draft (an adopted version is immutable). */
export function canEdit(coordinator: boolean, version: VersionView): boolean {
  return coordinator && isDraft(version);
}

export type Adoption =
  | { readonly state: 'hidden' }
  | { readonly state: 'needsRound' }
  | { readonly state: 'roundOpen'; readonly deadline: string }
  | { readonly state: 'ready' };

/**
 * Whether to offer adoption: the service adopts a version only after a consultation round on it has closed
 * (a round past its deadline is closed first), so before that the coordinator is told why, not offered a
 * button that would answer 409.
 */
export function adoption(coordinator: boolean, version: VersionView, allRounds: readonly Round[], now: Date): Adoption {
  if (!canEdit(coordinator, version)) return { state: 'hidden' };
  const mine = allRounds.filter((r) => r.subjectKind === 'STRATEGY_VERSION' && r.subjectRef === String(version.version));
  const closed = mine.some((r) => r.status === 'CLOSED' || (r.deadline !== undefined && Date.parse(r.deadline) <= now.getTime()));
  if (closed) return { state: 'ready' };
  const open = mine.find((r) => r.status === 'OPEN' && r.deadline !== undefined);
  return open?.deadline ? { state: 'roundOpen', deadline: open.deadline } : { state: 'needsRound' };
}

/** The two versions to compare: those named in the route if both exist, else the latest and the one before. */
export function comparedPair(versions: readonly VersionSummary[], from?: string, to?: string): [number, number] | null {
  const numbers = versions.map((v) => v.version).filter((n): n is number => n !== undefined);
  if (numbers.length < 2) return null;
  const a = Number(from);
  const b = Number(to);
  if (numbers.includes(a) && numbers.includes(b)) return [a, b];
  return [numbers[numbers.length - 2] as number, numbers[numbers.length - 1] as number];
}

/** A text section as the editor shows it: the context as written, a list one item per line. */
export function sectionText(content: FullContent, key: TextSection): string {
  return key === 'context' ? content.context : content[key].join('\n');
}

/** The content with a text section replaced (a list: one item per non-blank line, trimmed). */
export function withSectionText(content: FullContent, key: TextSection, text: string): FullContent {
  if (key === 'context') return { ...content, context: text };
  return { ...content, [key]: listItems(text) };
}

export function listItems(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

export function withAction(content: FullContent, action: FullAction): FullContent {
  return { ...content, actions: [...content.actions, action] };
}

export function withActionStatus(content: FullContent, index: number, status: ActionStatus): FullContent {
  return { ...content, actions: content.actions.map((a, i) => (i === index ? { ...a, status } : a)) };
}

export function withRisk(content: FullContent, risk: FullRisk): FullContent {
  return { ...content, risks: [...content.risks, risk] };
}

/** The content without the index-th entry of a list section. */
export function without(content: FullContent, key: 'actions' | 'risks' | 'indicators', index: number): FullContent {
  return { ...content, [key]: (content[key] as unknown[]).filter((_, i) => i !== index) };
}

/** The evidence as chosen, in the order of the accepted findings offered (links to findings no longer offered stay). */
export function withEvidence(content: FullContent, chosen: ReadonlySet<string>, offered: readonly string[]): FullContent {
  const kept = content.evidence.filter((id) => !offered.includes(id));
  return { ...content, evidence: [...kept, ...offered.filter((id) => chosen.has(id))] };
}

/** Today as yyyy-mm-dd in the viewer's calendar (the minimum offered for a due date). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
