// The meetings area's rules, as pure functions: what is sent for a local time in a zone, and which
// actions a meeting offers to whom and when (the service's own rules, so nothing is offered that it
// would refuse: no RSVP once the meeting has started, no attendance, minutes or decisions before the
// start, no scheduling for anyone but coordinators).
import { wallClockAsUtc } from '../../dates/format';
import type { Meeting, MeetingKind, Rsvp, ScheduleBody } from './api';

/** Who is looking: a coordinator or not, their person id if known (GET /people/me), their zone. */
export interface Viewer {
  readonly coordinator: boolean;
  readonly personId: string | null;
  readonly zone: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** '2026-12-20T15:00' (an <input type="datetime-local"> value) → its fields as a UTC instant, or null. */
function localFields(local: string): number | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const value = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const check = new Date(value);
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 ? value : null;
}

function offsetAt(instant: number, zone: string): number {
  return wallClockAsUtc(new Date(instant), zone).getTime() - instant;
}

/**
 * The instant of a wall-clock time in an IANA zone, as the service computes it (java.time's
 * ZonedDateTime.of): in an overlap the earlier instant, in a gap the time moved forward by the gap.
 * Null when the text is no date-time or the zone is unknown.
 */
export function instantOf(local: string, zone: string): Date | null {
  const target = localFields(local);
  if (target === null) return null;
  try {
    // the zone's offsets a day either side cover any change of offset near the time
    const DAY = 86_400_000;
    const offsets = [...new Set([offsetAt(target - DAY, zone), offsetAt(target, zone), offsetAt(target + DAY, zone)])];
    const exact = offsets.map((offset) => target - offset).filter((instant) => wallClockAsUtc(new Date(instant), zone).getTime() === target);
    if (exact.length) return new Date(Math.min(...exact));
    // a gap (clocks moved forward): read with the offset before the change, which lands after the gap
    return new Date(target - Math.min(...offsets));
  } catch {
    return null;
  }
}

/** The wall-clock time of an instant in a zone, as a datetime-local value ('2026-12-20T15:00'). */
export function localInputOf(instant: Date, zone: string): string {
  return wallClockAsUtc(instant, zone).toISOString().substring(0, 16);
}

export interface ScheduleForm {
  readonly title: string;
  readonly kind: MeetingKind;
  readonly purpose: string;
  /** one agenda item per line */
  readonly agenda: string;
  readonly localStart: string;
  readonly timeZone: string;
  readonly durationMinutes: string;
  readonly onlineLink: string;
}

export type ScheduleProblem = 'title' | 'localStart' | 'localStartPast' | 'durationMinutes';

/** What the form lacks before it is worth sending (the service checks everything again). */
export function scheduleProblems(form: ScheduleForm, now: Date): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!form.title.trim()) problems.push('title');
  const start = instantOf(form.localStart, form.timeZone);
  if (start === null) problems.push('localStart');
  else if (start.getTime() <= now.getTime()) problems.push('localStartPast');
  const duration = Number(form.durationMinutes);
  if (!Number.isInteger(duration) || duration < 1 || duration > 1440) problems.push('durationMinutes');
  return problems;
}

/**
 * The body of POST /meetings: the wall-clock time as typed with the meeting's IANA zone (the service
 * reads `localStart` in `timeZone`), so the meeting stays at 15:00 in Bishkek whatever zone the
 * coordinator's browser is in. Empty optional fields are left out.
 */
export function scheduleBody(form: ScheduleForm): ScheduleBody {
  const agenda = form.agenda.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const purpose = form.purpose.trim();
  const link = form.onlineLink.trim();
  return {
    title: form.title.trim(),
    kind: form.kind,
    ...(purpose ? { purpose } : {}),
    ...(agenda.length ? { agenda } : {}),
    localStart: form.localStart.trim().substring(0, 16),
    timeZone: form.timeZone,
    durationMinutes: Number(form.durationMinutes),
    ...(link ? { onlineLink: link } : {}),
  };
}

/** Whether the viewer is among the invitees (a non-coordinator only gets the invitee list when invited). */
export function isInvited(meeting: Meeting, viewer: Viewer): boolean {
  if (!meeting.invitees) return false;
  if (viewer.personId !== null) return meeting.invitees.some((invitee) => invitee.personId === viewer.personId);
  return !viewer.coordinator;
}

/** The viewer's own answer, when known. */
export function myAnswer(meeting: Meeting, viewer: Viewer): Rsvp | null {
  if (viewer.personId === null) return null;
  return meeting.invitees?.find((invitee) => invitee.personId === viewer.personId)?.response ?? null;
}

/** What a list row says about the viewer's own invitation: nothing, "invited", and their answer or that it is missing. */
export function invitationMark(meeting: Meeting, viewer: Viewer): { readonly answer: Rsvp | null; readonly answerKnown: boolean } | null {
  if (!isInvited(meeting, viewer)) return null;
  return { answer: myAnswer(meeting, viewer), answerKnown: viewer.personId !== null };
}

export interface MeetingActions {
  readonly rsvp: boolean;
  readonly invite: boolean;
  readonly reschedule: boolean;
  readonly cancel: boolean;
  readonly attendance: boolean;
  readonly minutes: boolean;
  readonly decisions: boolean;
}

export function hasStarted(meeting: Meeting, now: Date): boolean {
  return meeting.startsAt !== undefined && Date.parse(meeting.startsAt) <= now.getTime();
}

/** The invitees' person ids (an invitee the answer gives without one is left out). */
export function inviteeIds(meeting: Meeting): string[] {
  return (meeting.invitees ?? []).flatMap((invitee) => (invitee.personId === undefined ? [] : [invitee.personId]));
}

/** Whether the attendance recorded names the person. */
export function attended(meeting: Meeting, personId: string | undefined): boolean {
  return personId !== undefined && (meeting.attendance?.attendeeIds ?? []).includes(personId);
}

/** The answer counts for "5 invited: 2 yes…", each 0 when the answer leaves it out (the message needs every one). */
export function answerCounts(meeting: Meeting): { invited: number; yes: number; no: number; maybe: number; unanswered: number } {
  const counts = meeting.invitations;
  return {
    invited: counts?.invited ?? 0,
    yes: counts?.yes ?? 0,
    no: counts?.no ?? 0,
    maybe: counts?.maybe ?? 0,
    unanswered: counts?.unanswered ?? 0,
  };
}

/** What the meeting offers to the viewer now. */
export function meetingActions(meeting: Meeting, viewer: Viewer, now: Date): MeetingActions {
  const started = hasStarted(meeting, now);
  const scheduled = meeting.status === 'SCHEDULED';
  const open = scheduled || meeting.status === 'HELD';
  const coordinator = viewer.coordinator;
  return {
    // the service takes answers while SCHEDULED; an answer after the start is no use to anyone
    rsvp: scheduled && !started && isInvited(meeting, viewer),
    invite: coordinator && scheduled && !started,
    reschedule: coordinator && scheduled,
    cancel: coordinator && scheduled,
    attendance: coordinator && open && started,
    minutes: coordinator && open && started,
    decisions: coordinator && open && started,
  };
}

/** Upcoming meetings start at or after now; past ones (and those under way) before. ISO instants for the API. */
export function upcomingQuery(now: Date): { from: string } {
  return { from: now.toISOString() };
}

export function pastQuery(now: Date): { to: string } {
  return { to: now.toISOString() };
}

/**
 * Past meetings newest first: the service orders by start ascending, so page n of the newest-first
 * view is page (totalPages - 1 - n) of the service's, read backwards.
 */
export function reversedPage(page: number, totalPages: number): number {
  return Math.max(0, totalPages - 1 - page);
}
