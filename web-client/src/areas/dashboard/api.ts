// membership-service's progress against the plan and its upcoming meetings, as the gateway serves them.
// (The people lists come from ../people/api.) The types are membership's OpenAPI document's.
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import type * as membership from '../../api/schema/membership';
import type { Paged } from '../../ui/Pager';

type Schemas = membership.components['schemas'];

/** Every part optional, as the document says (the service leaves out nulls): the charts read it with defaults. */
export type Progress = Schemas['PlanProgress'];
export type Range = Schemas['Range'];

export async function getProgress(): Promise<Progress> {
  const progress = await request<Progress>('GET', '/api/membership/progress');
  if (progress === null) throw new Error('empty answer');
  return progress;
}

export type MeetingSummary = Schemas['MeetingResponse'];

/** Scheduled meetings that start from now on, soonest first. */
export async function upcomingMeetings(now: Date, size = 5): Promise<Paged<MeetingSummary>> {
  const query = new URLSearchParams({ status: 'SCHEDULED', from: now.toISOString(), page: '0', size: String(size) });
  const page = await request<Schemas['PagedModelMeetingResponse']>('GET', `/api/membership/meetings?${query.toString()}`);
  if (page === null) throw new Error('empty answer');
  return pagedOf(page);
}
