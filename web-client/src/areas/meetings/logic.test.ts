import { describe, expect, it } from 'vitest';
import type { Meeting } from './api';
import {
  instantOf,
  invitationMark,
  isInvited,
  localInputOf,
  meetingActions,
  myAnswer,
  pastQuery,
  reversedPage,
  scheduleBody,
  scheduleProblems,
  upcomingQuery,
  type ScheduleForm,
  type Viewer,
} from './logic';
import { decisionBody, inviteFilter } from './forms';

describe('a local time in an IANA zone', () => {
  it('is the instant the service computes (java.time ZonedDateTime.of)', () => {
    expect(instantOf('2026-12-20T15:00', 'Asia/Bishkek')?.toISOString()).toBe('2026-12-20T09:00:00.000Z');
    expect(instantOf('2026-12-20T15:00', 'Asia/Tashkent')?.toISOString()).toBe('2026-12-20T10:00:00.000Z');
    expect(instantOf('2026-12-20T15:00', 'Asia/Almaty')?.toISOString()).toBe('2026-12-20T10:00:00.000Z');
    expect(instantOf('2026-07-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(instantOf('2026-12-20T00:30', 'America/New_York')?.toISOString()).toBe('2026-12-20T05:30:00.000Z');
  });

  it('takes the earlier instant in an overlap and moves forward by the gap, as java.time does', () => {
    // 25 Oct 2026: 02:30 happens twice in Berlin (CEST then CET); java.time takes the earlier offset
    expect(instantOf('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29 Mar 2026: 02:30 does not exist in Berlin; java.time gives 03:30 CEST
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is null for text that is no date-time or a zone that does not exist', () => {
    expect(instantOf('', 'Asia/Bishkek')).toBeNull();
    expect(instantOf('2026-02-30T10:00', 'Asia/Bishkek')).toBeNull();
    expect(instantOf('2026-12-20 15:00', 'Asia/Bishkek')).toBeNull();
    expect(instantOf('2026-12-20T15:00', 'Asia/Nowhere')).toBeNull();
  });

  it('round-trips to the datetime-local value in the zone', () => {
    expect(localInputOf(new Date('2026-12-20T09:00:00Z'), 'Asia/Bishkek')).toBe('2026-12-20T15:00');
  });
});

const form: ScheduleForm = {
  title: '  Expert meeting on FATF ',
  kind: 'EXPERT_MEETING',
  purpose: '',
  agenda: 'Welcome\n\n  Findings so far \n',
  localStart: '2026-12-20T15:00',
  timeZone: 'Asia/Bishkek',
  durationMinutes: '90',
  onlineLink: ' ',
};

describe('scheduling', () => {
  it('sends the wall-clock time as typed with the meeting\'s zone (not the browser\'s), optional fields left out', () => {
    expect(scheduleBody(form)).toEqual({
      title: 'Expert meeting on FATF',
      kind: 'EXPERT_MEETING',
      agenda: ['Welcome', 'Findings so far'],
      localStart: '2026-12-20T15:00',
      timeZone: 'Asia/Bishkek',
      durationMinutes: 90,
    });
    expect(scheduleBody({ ...form, localStart: '2026-12-20T15:00:00', onlineLink: 'https://meet.example.org/x', purpose: 'Plan' }))
      .toMatchObject({ localStart: '2026-12-20T15:00', onlineLink: 'https://meet.example.org/x', purpose: 'Plan' });
  });

  it('finds what is missing before sending, judging "in the future" in the meeting\'s zone', () => {
    // 09:00Z is 15:00 in Bishkek: one minute before it the start is still ahead, at it no longer
    expect(scheduleProblems(form, new Date('2026-12-20T08:59:00Z'))).toEqual([]);
    expect(scheduleProblems(form, new Date('2026-12-20T09:00:00Z'))).toEqual(['localStartPast']);
    expect(scheduleProblems({ ...form, title: ' ', localStart: '', durationMinutes: '0' }, new Date('2026-01-01T00:00:00Z')))
      .toEqual(['title', 'localStart', 'durationMinutes']);
    expect(scheduleProblems({ ...form, durationMinutes: '1441' }, new Date('2026-01-01T00:00:00Z'))).toEqual(['durationMinutes']);
  });
});

const NOW = new Date('2026-12-20T12:00:00Z');

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-1',
    title: 'Expert meeting',
    kind: 'EXPERT_MEETING',
    agenda: [],
    startsAt: '2026-12-21T09:00:00Z',
    endsAt: '2026-12-21T10:30:00Z',
    durationMinutes: 90,
    local: { dateTime: '2026-12-21T15:00:00', timeZone: 'Asia/Bishkek' },
    status: 'SCHEDULED',
    invitations: { invited: 1, yes: 0, no: 0, maybe: 0, unanswered: 1 },
    ...overrides,
  };
}

const coordinator: Viewer = { coordinator: true, personId: null, zone: 'Europe/Berlin' };
const expert: Viewer = { coordinator: false, personId: 'p-expert', zone: 'Asia/Bishkek' };
const expertWithoutId: Viewer = { coordinator: false, personId: null, zone: 'Asia/Bishkek' };
const invitedFull = { invitees: [{ personId: 'p-expert', invitedAt: '2026-12-01T00:00:00Z', response: 'MAYBE' as const }] };
const started = { startsAt: '2026-12-20T11:00:00Z' };

describe('what a meeting offers', () => {
  it('offers a coordinator invitations, rescheduling and cancelling before the start, nothing after it needs', () => {
    expect(meetingActions(meeting(invitedFull), coordinator, NOW)).toEqual({
      rsvp: false, invite: true, reschedule: true, cancel: true, attendance: false, minutes: false, decisions: false,
    });
  });

  it('offers a coordinator attendance, minutes and decisions once the meeting has started, no more invitations', () => {
    expect(meetingActions(meeting({ ...invitedFull, ...started }), coordinator, NOW)).toMatchObject({
      invite: false, attendance: true, minutes: true, decisions: true, rsvp: false,
    });
    // held: corrections still possible, no rescheduling or cancelling
    expect(meetingActions(meeting({ ...started, status: 'HELD' }), coordinator, NOW)).toEqual({
      rsvp: false, invite: false, reschedule: false, cancel: false, attendance: true, minutes: true, decisions: true,
    });
    // cancelled: nothing at all
    expect(Object.values(meetingActions(meeting({ ...started, status: 'CANCELLED' }), coordinator, NOW)).some(Boolean)).toBe(false);
  });

  it('offers an invited expert the RSVP only before the start, and never a coordinator\'s action', () => {
    expect(meetingActions(meeting(invitedFull), expert, NOW)).toEqual({
      rsvp: true, invite: false, reschedule: false, cancel: false, attendance: false, minutes: false, decisions: false,
    });
    expect(meetingActions(meeting({ ...invitedFull, ...started }), expert, NOW).rsvp).toBe(false);
    expect(meetingActions(meeting({ ...invitedFull, status: 'CANCELLED' }), expert, NOW).rsvp).toBe(false);
  });

  it('offers no RSVP to someone not invited (the summary without invitees, or a list without them)', () => {
    expect(meetingActions(meeting(), expert, NOW).rsvp).toBe(false);
    expect(meetingActions(meeting({ invitees: [{ personId: 'p-other', invitedAt: '' }] }), expert, NOW).rsvp).toBe(false);
    // a coordinator whose person id is unknown (no person record): not offered, the service would say "not invited"
    expect(meetingActions(meeting(invitedFull), coordinator, NOW).rsvp).toBe(false);
    expect(meetingActions(meeting(invitedFull), { ...coordinator, personId: 'p-expert' }, NOW).rsvp).toBe(true);
  });

  it('knows a non-coordinator is invited when the service shows them the invitees, even without their id', () => {
    expect(isInvited(meeting(invitedFull), expertWithoutId)).toBe(true);
    expect(isInvited(meeting(), expertWithoutId)).toBe(false);
    expect(myAnswer(meeting(invitedFull), expert)).toBe('MAYBE');
    expect(myAnswer(meeting(invitedFull), expertWithoutId)).toBeNull();
  });

  it('marks a list row with the viewer\'s invitation and answer, when the read shows them', () => {
    expect(invitationMark(meeting(invitedFull), expert)).toEqual({ answer: 'MAYBE', answerKnown: true });
    expect(invitationMark(meeting(invitedFull), expertWithoutId)).toEqual({ answer: null, answerKnown: false });
    expect(invitationMark(meeting(), expert)).toBeNull();
  });
});

describe('lists', () => {
  it('splits upcoming and past at now, as ISO instants', () => {
    expect(upcomingQuery(NOW)).toEqual({ from: '2026-12-20T12:00:00.000Z' });
    expect(pastQuery(NOW)).toEqual({ to: '2026-12-20T12:00:00.000Z' });
  });

  it('reads past meetings newest first: the first page is the service\'s last', () => {
    expect(reversedPage(0, 3)).toBe(2);
    expect(reversedPage(2, 3)).toBe(0);
    expect(reversedPage(0, 0)).toBe(0);
  });
});

describe('what the forms send', () => {
  it('invites by filter with the chosen criteria only', () => {
    expect(inviteFilter('ACTIVE', '', 'KG')).toEqual({ status: 'ACTIVE', country: 'KG' });
    expect(inviteFilter('ACTIVE', 'EXPERT', '')).toEqual({ status: 'ACTIVE', role: 'EXPERT' });
  });

  it('sends a target-institutions decision with the catalogue ids, a general one with its text', () => {
    expect(decisionBody('TARGET_INSTITUTIONS', ['wb', 'ebrd'], ' ')).toEqual({ kind: 'TARGET_INSTITUTIONS', institutionIds: ['wb', 'ebrd'] });
    expect(decisionBody('TARGET_INSTITUTIONS', [], 'x')).toBe('institutions');
    expect(decisionBody('GENERAL', ['wb'], ' Meet monthly ')).toEqual({ kind: 'GENERAL', text: 'Meet monthly' });
    expect(decisionBody('GENERAL', [], '  ')).toBe('text');
  });
});
