// The consultations area's rules as pure functions: what a round offers to whom and when (the service's own
// rules: comments, changes and withdrawals only while the round is open and only by invitees / the author,
// replies by invitees and coordinators while open, resolutions by coordinators also after closing); quotes
// (a quote must occur literally in the section); the countdown and when it is worth announcing; the
// participation chart's bars.
import type { Comment, Participation, ReadRound, Round } from './api';

/** Who is looking: coordinator or not, their person id and organisations (invitations), their zone. */
export interface Viewer {
  readonly coordinator: boolean;
  readonly personId: string | null;
  readonly organisationIds: readonly string[];
  readonly zone: string;
}

export function deadlineOf(round: Round): Date | null {
  return round.deadline === undefined ? null : new Date(round.deadline);
}

/** Open: not closed by the clock and its deadline not reached (the service refuses comments from the deadline on). */
export function isOpen(round: Round, now: Date): boolean {
  if (round.status === 'CLOSED') return false;
  const deadline = deadlineOf(round);
  return deadline !== null && now.getTime() < deadline.getTime();
}

/** Invited in person, or through one of their organisations. */
export function isInvited(round: Round, viewer: Viewer): boolean {
  if (viewer.personId !== null && (round.invitedPeople ?? []).includes(viewer.personId)) return true;
  const invited = round.invitedOrganisations ?? [];
  return viewer.organisationIds.some((id) => invited.includes(id));
}

export interface RoundActions {
  readonly comment: boolean;
  readonly reply: boolean;
  readonly resolve: boolean;
}

export function roundActions(round: Round, viewer: Viewer, now: Date): RoundActions {
  const open = isOpen(round, now);
  const invited = isInvited(round, viewer);
  return {
    comment: open && invited,
    reply: open && (invited || viewer.coordinator),
    resolve: viewer.coordinator,
  };
}

export interface CommentActions {
  readonly edit: boolean;
  readonly withdraw: boolean;
  readonly reply: boolean;
  readonly resolve: boolean;
}

export function commentActions(comment: Comment, round: Round, viewer: Viewer, now: Date): CommentActions {
  const open = isOpen(round, now);
  const mine = viewer.personId !== null && comment.authorId === viewer.personId;
  const resolved = comment.resolution !== undefined;
  const actions = roundActions(round, viewer, now);
  return {
    edit: open && mine && !resolved,
    withdraw: open && mine && !resolved,
    reply: actions.reply,
    resolve: actions.resolve && !resolved,
  };
}

/** Each section's consulted text, in the round's order (a round without texts shows its section keys empty). */
export function sectionsOf(round: Round): { readonly key: string; readonly text: string }[] {
  if (round.texts && round.texts.length) {
    return round.texts.flatMap((s) => (s.key === undefined ? [] : [{ key: s.key, text: s.text ?? '' }]));
  }
  return (round.sections ?? []).map((key) => ({ key, text: '' }));
}

export const MAX_QUOTE = 1000;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The passage of the section that the typed or selected words name, exactly as the section writes it (the
 * service takes only a literal passage): the words in order, any spacing or line breaks between them, any
 * case. Null when the section does not hold them.
 */
export function matchQuote(section: string, words: string): string | null {
  const typed = words.trim();
  if (typed === '') return null;
  if (section.includes(typed)) return typed;
  const pattern = typed.split(/\s+/).map(escape).join('\\s+');
  const found = new RegExp(pattern, 'iu').exec(section);
  return found ? found[0] : null;
}

export type QuoteProblem = 'notInSection' | 'tooLong';

/** What is wrong with the quote field's words (empty is fine: a comment without a quote). */
export function quoteProblem(section: string, words: string): QuoteProblem | null {
  if (words.trim() === '') return null;
  const found = matchQuote(section, words);
  if (found === null) return 'notInSection';
  return found.length > MAX_QUOTE ? 'tooLong' : null;
}

// --- the countdown -------------------------------------------------------------------------

export type Countdown =
  | { readonly closed: true }
  | { readonly closed: false; readonly days: number; readonly hours: number; readonly minutes: number };

/** Time left, in whole minutes rounded up (59 s left is "1 minute", never "0 minutes"). */
export function countdown(deadline: Date, now: Date): Countdown {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return { closed: true };
  const minutes = Math.ceil(left / 60_000);
  return { closed: false, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** When the countdown should next change: on the next whole minute before the deadline, so the last tick is the deadline itself. */
export function nextTick(deadline: Date, now: Date): number | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  return left % 60_000 || 60_000;
}

export type Stage = 'days' | 'hours' | 'lastHour' | 'lastTenMinutes' | 'lastMinute' | 'closed';

/**
 * The stretch of time the round is in. The countdown is shown every minute but only a change of stage is
 * announced to screen readers (politely), so nobody hears a tick a minute.
 */
export function stageOf(deadline: Date, now: Date): Stage {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'closed';
  if (left <= 60_000) return 'lastMinute';
  if (left <= 10 * 60_000) return 'lastTenMinutes';
  if (left <= 3_600_000) return 'lastHour';
  if (left < 86_400_000) return 'hours';
  return 'days';
}

// --- participation ---------------------------------------------------------------------------

export interface Bar {
  readonly key: 'organisations' | 'countries';
  readonly value: number;
  /** the least the plan aims at */
  readonly target: number;
  /** the most the plan aims at (the scale's end) */
  readonly max: number;
  /** the bar's length, 0–100 % of the scale */
  readonly percent: number;
  /** where the target starts on the scale, 0–100 % */
  readonly targetPercent: number;
  readonly met: boolean;
}

/**
 * The chart's two bars: organisations (each once) and independent experts against the plan's 20–30, and
 * countries against its 4. The scale ends at the plan's maximum or at the value, whichever is larger.
 */
export function participationBars(p: Participation): Bar[] {
  const bar = (key: Bar['key'], value: number, target: number, max: number): Bar => {
    const scale = Math.max(max, value, 1);
    return {
      key,
      value,
      target,
      max,
      percent: Math.round((value / scale) * 1000) / 10,
      targetPercent: Math.round((target / scale) * 1000) / 10,
      met: value >= target,
    };
  };
  const targetMin = p.targetMin ?? 20;
  return [
    bar('organisations', p.organisationsAndExperts ?? 0, targetMin, p.targetMax ?? 30),
    bar('countries', p.countries ?? 0, p.targetCountries ?? 4, p.targetCountries ?? 4),
  ];
}

/** People who commented, per country (from the comments; a protected person's comment carries no country). */
export function commentersByCountry(round: Round, countries: readonly string[]): { readonly country: string; readonly people: number }[] {
  const people = new Map<string, Set<string>>(countries.map((c) => [c, new Set<string>()]));
  for (const comment of round.comments ?? []) {
    if (comment.country === undefined || comment.authorId === undefined) continue;
    if (!people.has(comment.country)) people.set(comment.country, new Set());
    people.get(comment.country)?.add(comment.authorId);
  }
  return [...people.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, who]) => ({ country, people: who.size }));
}

/** Rounds the viewer may comment on first, then other open ones, then closed ones; newest deadline first in each. */
export function orderRounds(rounds: readonly Round[], viewer: Viewer, now: Date): Round[] {
  const rank = (r: Round) => (isOpen(r, now) ? (isInvited(r, viewer) ? 0 : 1) : 2);
  return [...rounds].sort((a, b) => rank(a) - rank(b) || (b.deadline ?? '').localeCompare(a.deadline ?? ''));
}

/** A round's comments on one section, in the order they were made. */
export function commentsOn(round: ReadRound, key: string): Comment[] {
  return (round.comments ?? []).filter((c) => c.sectionKey === key);
}
