// The strategy area's calls, one function per call: strategy-service's StrategyController (versions, edits,
// adoption, evidence), its consultation rounds (whether a version may be adopted yet), research-service's
// findings (the words of an accepted finding) and membership's people list (names of action owners).
import { request } from '../../api/http';
import { ApiError } from '../../api/problems';
import type * as strategy from '../../api/schema/strategy';
import type * as research from '../../api/schema/research';
import type * as membership from '../../api/schema/membership';

type Schemas = strategy.components['schemas'];

export type VersionSummary = Schemas['VersionSummary'];
export type VersionView = Schemas['VersionView'];
export type Content = Schemas['StrategyContent'];
export type Action = Schemas['Action'];
export type ActionStatus = NonNullable<Action['status']>;
export type Risk = Schemas['Risk'];
export type AcceptedFinding = Schemas['AcceptedFinding'];
export type Round = Schemas['RoundView'];
export type Finding = research.components['schemas']['Finding'];
type PeoplePage = membership.components['schemas']['PagedModelPersonResponse'];

export const ACTION_STATUSES: readonly ActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'];

const BASE = '/api/strategy';

function required<T>(value: T | null): T {
  if (value === null) throw new ApiError(502, null, null);
  return value;
}

export async function listVersions(): Promise<readonly VersionSummary[]> {
  return (await request<VersionSummary[]>('GET', `${BASE}/versions`)) ?? [];
}

export async function getVersion(number: number): Promise<VersionView> {
  return required(await request<VersionView>('GET', `${BASE}/versions/${number}`));
}

/** Version 1, or the next draft copied from the latest adopted version (409 while a draft is open). */
export async function startDraft(): Promise<VersionView> {
  return required(await request<VersionView>('POST', `${BASE}/versions`));
}

/** Replaces the draft's sections (409 once adopted, 422 for evidence that is not an accepted finding). */
export async function saveContent(number: number, content: Content): Promise<VersionView> {
  return required(await request<VersionView>('PUT', `${BASE}/versions/${number}`, { content }));
}

export async function adoptVersion(number: number): Promise<VersionView> {
  return required(await request<VersionView>('POST', `${BASE}/versions/${number}/adopt`));
}

/** Accepted research findings a draft may link (ids only: research publishes no titles). */
export async function acceptedFindings(): Promise<readonly AcceptedFinding[]> {
  return (await request<AcceptedFinding[]>('GET', `${BASE}/evidence`)) ?? [];
}

/** The consultation rounds the caller may see (coordinators: all). */
export async function rounds(): Promise<readonly Round[]> {
  return (await request<Round[]>('GET', `${BASE}/consultations`)) ?? [];
}

/** One finding (members read accepted ones); null when it cannot be read. */
export async function finding(id: string): Promise<Finding | null> {
  try {
    return await request<Finding>('GET', `/api/research/findings/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

/** People of the working group (any member may list them), page by page up to 500; [] when refused. */
export async function people(): Promise<readonly Person[]> {
  const found: Person[] = [];
  try {
    for (let page = 0; page < 5; page++) {
      const query = new URLSearchParams({ page: String(page), size: '100' });
      const answer = await request<PeoplePage>('GET', `/api/membership/people?${query}`);
      for (const person of answer?.content ?? []) {
        if (person.id !== undefined && person.displayName !== undefined) found.push({ id: person.id, name: person.displayName, status: person.status ?? '' });
      }
      if (page + 1 >= (answer?.page?.totalPages ?? 0)) break;
    }
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
  }
  return found;
}
