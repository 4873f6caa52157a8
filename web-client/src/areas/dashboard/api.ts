// membership-service's progress against the plan and its upcoming meetings, as the gateway serves them.
// (The people lists come from ../people/api.) Types as PlanProgress and MeetingResponse answer them.
import { request } from '../../api/http';
import type { Paged } from '../../ui/Pager';

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface Progress {
  readonly experts: {
    readonly total: number;
    readonly target: Range;
    readonly withinTarget: boolean;
    readonly perCountry: readonly { readonly country: string; readonly experts: number; readonly target: Range; readonly withinTarget: boolean }[];
    readonly withoutCountry?: number;
  };
  readonly countries: { readonly covered: number; readonly codes: readonly string[]; readonly target: Range; readonly withinTarget: boolean };
  readonly discussion: {
    readonly tracked: boolean;
    readonly organisations: number;
    readonly countries: number;
    readonly organisationsTarget: Range;
    readonly countriesTarget: number;
    readonly withinTarget: boolean;
  };
  readonly pendingInvitations: { readonly people: number; readonly organisations: number };
}

export async function getProgress(): Promise<Progress> {
  const progress = await request<Progress>('GET', '/api/membership/progress');
  if (progress === null) throw new Error('empty answer');
  return progress;
}

export interface ZonedTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface MeetingSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly startsAt: string;
  readonly local: ZonedTime;
  readonly status: string;
  readonly invitations?: { readonly invited: number; readonly yes: number; readonly no: number; readonly maybe: number; readonly unanswered: number } | null;
}

/** Scheduled meetings that start from now on, soonest first. */
export async function upcomingMeetings(now: Date, size = 5): Promise<Paged<MeetingSummary>> {
  const query = new URLSearchParams({ status: 'SCHEDULED', from: now.toISOString(), page: '0', size: String(size) });
  const page = await request<Paged<MeetingSummary>>('GET', `/api/membership/meetings?${query.toString()}`);
  if (page === null) throw new Error('empty answer');
  return page;
}
