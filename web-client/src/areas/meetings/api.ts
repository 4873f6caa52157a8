// The meetings area's calls and their JSON, one function per call (membership-service's MeetingsController,
// the people list for names, research-service's institution catalogue). Kept here so they can be switched
// to the types generated from the OpenAPI documents in one place.
import { request } from '../../api/http';
import { ApiError } from '../../api/problems';
import type { Paged } from '../../ui/Pager';

export type MeetingKind = 'EXPERT_MEETING' | 'DISCUSSION' | 'OTHER';
export type MeetingStatus = 'SCHEDULED' | 'CANCELLED' | 'HELD';
export type Rsvp = 'YES' | 'NO' | 'MAYBE';
export type DecisionKind = 'TARGET_INSTITUTIONS' | 'GENERAL';

export const MEETING_KINDS: readonly MeetingKind[] = ['EXPERT_MEETING', 'DISCUSSION', 'OTHER'];
export const RSVPS: readonly Rsvp[] = ['YES', 'NO', 'MAYBE'];

export interface ZonedTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface Invitee {
  readonly personId: string;
  readonly invitedAt: string;
  readonly response: Rsvp | null;
  readonly answeredAt: string | null;
}

export interface Decision {
  readonly id: string;
  readonly kind: DecisionKind;
  readonly institutionIds: readonly string[] | null;
  readonly text: string | null;
  readonly decidedAt: string;
}

/** A meeting as answered; the last five are only in the single read, and only for invitees and coordinators. */
export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly purpose: string | null;
  readonly kind: MeetingKind;
  readonly agenda: readonly string[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly durationMinutes: number;
  readonly local: ZonedTime;
  readonly status: MeetingStatus;
  readonly invitations: { readonly invited: number; readonly yes: number; readonly no: number; readonly maybe: number; readonly unanswered: number };
  readonly onlineLink?: string | null;
  readonly invitees?: readonly Invitee[] | null;
  readonly attendance?: { readonly attendeeIds: readonly string[]; readonly recordedAt: string } | null;
  readonly minutes?: { readonly text: string; readonly recordedAt: string } | null;
  readonly decisions?: readonly Decision[] | null;
}

/** POST /meetings: the start as a wall-clock time in the meeting's zone; the service converts it. */
export interface ScheduleBody {
  readonly title: string;
  readonly kind: MeetingKind;
  readonly purpose?: string;
  readonly agenda?: readonly string[];
  readonly localStart: string;
  readonly timeZone: string;
  readonly durationMinutes: number;
  readonly onlineLink?: string;
}

export interface RescheduleBody {
  readonly localStart: string;
  readonly timeZone: string;
}

export interface InviteFilter {
  readonly status?: string;
  readonly role?: string;
  readonly country?: string;
}

export type InviteBody = { readonly personIds: readonly string[] } | { readonly filter: InviteFilter };

export interface InvitationsResult {
  readonly meetingId: string;
  readonly invited: readonly string[];
  readonly alreadyInvited: readonly string[];
  readonly invitees: number;
}

export type DecisionBody =
  | { readonly kind: 'TARGET_INSTITUTIONS'; readonly institutionIds: readonly string[]; readonly text?: string }
  | { readonly kind: 'GENERAL'; readonly text: string };

export interface PersonRow {
  readonly id: string;
  readonly displayName: string;
  readonly country?: string | null;
  readonly status?: string | null;
}

export interface Institution {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly centralAsia: boolean;
}

export interface Me {
  readonly id: string;
  readonly timeZone?: string | null;
}

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
  return required(await request<Paged<Meeting>>('GET', BASE + query(params)));
}

export async function getMeeting(id: string): Promise<Meeting> {
  return required(await request<Meeting>('GET', meetingPath(id)));
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
  return required(await request<Paged<PersonRow>>('GET', '/api/membership/people' + query(params)));
}

/** Display names of the given people (a coordinator sees everyone): the people list, page by page, until all are found. */
export async function peopleNames(ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = new Set(ids.filter((id) => !id.startsWith('erased-')));
  for (let page = 0; wanted.size > 0 && page < 10; page++) {
    const found = await searchPeople({ page, size: 100 });
    for (const person of found.content) {
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
  return (await request<Paged<Institution>>('GET', '/api/research/institutions?size=100'))?.content ?? [];
}
