// The meetings area's calls and their JSON, one function per call (membership-service's MeetingsController,
// the people list for names, research-service's institution catalogue). The types are the services' OpenAPI
// documents' (src/api/schema, generated).
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import { ApiError } from '../../api/problems';
import type * as membership from '../../api/schema/membership';
import type * as research from '../../api/schema/research';
import type { Paged } from '../../ui/Pager';

type Schemas = membership.components['schemas'];

/**
 * A meeting as answered; invitees, attendance, minutes and decisions are only in the single read, and only
 * for invitees and coordinators. The service leaves out nulls, so every field is optional.
 */
export type Meeting = Schemas['MeetingResponse'];
/** A meeting read by its id (its page and its forms): the id asked for, whatever the answer holds. */
export type ReadMeeting = Meeting & { readonly id: string };
export type MeetingKind = NonNullable<Meeting['kind']>;
export type MeetingStatus = NonNullable<Meeting['status']>;
export type Rsvp = Schemas['RsvpRequest']['response'];
export type DecisionKind = Schemas['DecisionRequest']['kind'];

export const MEETING_KINDS: readonly MeetingKind[] = ['EXPERT_MEETING', 'DISCUSSION', 'OTHER'];
export const RSVPS: readonly Rsvp[] = ['YES', 'NO', 'MAYBE'];

export type ZonedTime = Schemas['ZonedTime'];
export type Invitee = Schemas['InviteeView'];
export type Decision = Schemas['DecisionView'];

/** POST /meetings: the start as a wall-clock time (localStart) in the meeting's zone; the service converts it. */
export type ScheduleBody = Schemas['ScheduleMeetingRequest'];
export type RescheduleBody = Schemas['RescheduleMeetingRequest'];
/** Invite by ids, or everyone the filter finds. */
export type InviteBody = Schemas['MeetingInvitationsRequest'];
export type InviteFilter = Schemas['Filter'];
export type InvitationsResult = Schemas['MeetingInvitationsResponse'];
export type DecisionBody = Schemas['DecisionRequest'];

export type PersonRow = Schemas['PersonResponse'];
export type Institution = research.components['schemas']['InstitutionSummary'];
export type Country = Schemas['Country'];
/** GET /people/me: the screens read its id and zone */
export type Me = Schemas['PersonDetailsResponse'];

const BASE = '/api/membership/meetings';

function required<T>(value: T | null): T {
  if (value === null) throw new ApiError(502, null, null);
  return value;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function meetingPath(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** The calendar file (RFC 5545) of one meeting, downloaded by a plain link. */
export function calendarPath(id: string): string {
  return `${meetingPath(id)}/calendar.ics`;
}

export async function listMeetings(params: { from?: string; to?: string; page: number; size: number }): Promise<Paged<Meeting>> {
  return pagedOf(required(await request<Schemas['PagedModelMeetingResponse']>('GET', BASE + query(params))));
}

export async function getMeeting(id: string): Promise<ReadMeeting> {
  const meeting = required(await request<Meeting>('GET', meetingPath(id)));
  return { ...meeting, id: meeting.id ?? id };
}

export async function scheduleMeeting(body: ScheduleBody): Promise<Meeting> {
  return required(await request<Meeting>('POST', BASE, body));
}

export async function rescheduleMeeting(id: string, body: RescheduleBody): Promise<Meeting> {
  return required(await request<Meeting>('POST', `${meetingPath(id)}/reschedule`, body));
}

export async function cancelMeeting(id: string): Promise<Meeting> {
  return required(await request<Meeting>('POST', `${meetingPath(id)}/cancel`));
}

export async function invite(id: string, body: InviteBody): Promise<InvitationsResult> {
  return required(await request<InvitationsResult>('POST', `${meetingPath(id)}/invitations`, body));
}

export async function answer(id: string, response: Rsvp): Promise<Meeting> {
  return required(await request<Meeting>('POST', `${meetingPath(id)}/rsvp`, { response }));
}

export async function recordAttendance(id: string, attendeeIds: readonly string[]): Promise<Meeting> {
  return required(await request<Meeting>('POST', `${meetingPath(id)}/attendance`, { attendeeIds }));
}

export async function recordMinutes(id: string, text: string): Promise<Meeting> {
  return required(await request<Meeting>('PUT', `${meetingPath(id)}/minutes`, { text }));
}

export async function decide(id: string, body: DecisionBody): Promise<Meeting> {
  return required(await request<Meeting>('POST', `${meetingPath(id)}/decisions`, body));
}

/** The signed-in person (id and zone); null for an account that is no person (404), e.g. the bootstrap coordinator. */
export async function me(): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/membership/people/me');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

export async function searchPeople(params: { q?: string; status?: string; page: number; size: number }): Promise<Paged<PersonRow>> {
  return pagedOf(required(await request<Schemas['PagedModelPersonResponse']>('GET', '/api/membership/people' + query(params))));
}

/** Display names of the given people (a coordinator sees everyone): the people list, page by page, until all are found. */
export async function peopleNames(ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = new Set(ids.filter((id) => !id.startsWith('erased-')));
  for (let page = 0; wanted.size > 0 && page < 10; page++) {
    const found = await searchPeople({ page, size: 100 });
    for (const person of found.content) {
      // someone without an id or a name in the answer keeps their id on the screen, as someone not found
      if (person.id === undefined || person.displayName === undefined) continue;
      names.set(person.id, person.displayName);
      wanted.delete(person.id);
    }
    if (page + 1 >= found.page.totalPages) break;
  }
  return names;
}

export async function countries(): Promise<readonly Country[]> {
  return (await request<Country[]>('GET', '/api/membership/countries')) ?? [];
}

/** Research's institution catalogue (14 entries today: one page holds it). */
export async function institutions(): Promise<readonly Institution[]> {
  return (await request<research.components['schemas']['PagedModelInstitutionSummary']>('GET', '/api/research/institutions?size=100'))?.content ?? [];
}
