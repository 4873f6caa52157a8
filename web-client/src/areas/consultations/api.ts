// The consultations area's calls, one function per call: strategy-service's ConsultationController (rounds,
// comments, replies, resolutions, participation), the strategy's versions and the guide's languages (what a
// round can be opened on), and membership's organisations and people (whom to invite, names of authors).
// Types from the services' OpenAPI documents (src/api/schema, generated).
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import { ApiError } from '../../api/problems';
import type * as membership from '../../api/schema/membership';
import type * as strategy from '../../api/schema/strategy';
import type { Paged } from '../../ui/Pager';

type Schemas = strategy.components['schemas'];
type People = membership.components['schemas'];

/** A round as answered (the service leaves out nulls: every field optional). */
export type Round = Schemas['RoundView'];
/** A round read by its id: the id asked for, whatever the answer holds. */
export type ReadRound = Round & { readonly id: string };
export type Comment = Schemas['Comment'];
export type Reply = Schemas['Reply'];
export type Outcome = NonNullable<Schemas['Resolution']['outcome']>;
export type Participation = Schemas['ParticipationView'];
export type OpenBody = Schemas['OpenRequest'];
export type SubjectKind = OpenBody['subjectKind'];
export type CommentBody = Schemas['CommentRequest'];
export type VersionSummary = Schemas['VersionSummary'];
export type LanguageView = Schemas['LanguageView'];
export type Organisation = People['OrganisationResponse'];
export type PersonRow = People['PersonResponse'];
export type Me = People['PersonDetailsResponse'];

const BASE = '/api/strategy/consultations';

function required<T>(value: T | null): T {
  if (value === null) throw new ApiError(502, null, null);
  return value;
}

export function roundPath(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

function commentPath(roundId: string, commentId: string): string {
  return `${roundPath(roundId)}/comments/${encodeURIComponent(commentId)}`;
}

export async function listRounds(): Promise<readonly Round[]> {
  return (await request<Round[]>('GET', BASE)) ?? [];
}

export async function getRound(id: string): Promise<ReadRound> {
  const round = required(await request<Round>('GET', roundPath(id)));
  return { ...round, id: round.id ?? id };
}

export async function openRound(body: OpenBody): Promise<Round> {
  return required(await request<Round>('POST', BASE, body));
}

export async function getParticipation(id: string): Promise<Participation> {
  return required(await request<Participation>('GET', `${roundPath(id)}/participation`));
}

export async function addComment(id: string, body: CommentBody): Promise<Comment> {
  return required(await request<Comment>('POST', `${roundPath(id)}/comments`, body));
}

export async function editComment(id: string, commentId: string, text: string): Promise<Comment> {
  return required(await request<Comment>('PUT', commentPath(id, commentId), { text }));
}

export async function withdrawComment(id: string, commentId: string): Promise<void> {
  await request<unknown>('DELETE', commentPath(id, commentId));
}

export async function replyTo(id: string, commentId: string, text: string): Promise<Comment> {
  return required(await request<Comment>('POST', `${commentPath(id, commentId)}/replies`, { text }));
}

export async function resolve(id: string, commentId: string, outcome: Outcome, reason?: string): Promise<Comment> {
  return required(await request<Comment>('POST', `${commentPath(id, commentId)}/resolution`,
    reason ? { outcome, reason } : { outcome }));
}

export async function strategyVersions(): Promise<readonly VersionSummary[]> {
  return (await request<VersionSummary[]>('GET', '/api/strategy/versions')) ?? [];
}

export async function guideLanguages(): Promise<readonly LanguageView[]> {
  return (await request<Schemas['LanguagesResponse']>('GET', '/api/strategy/guide/languages'))?.languages ?? [];
}

/** Member organisations (those that joined), one page of 100: the plan has 20–30. */
export async function memberOrganisations(): Promise<readonly Organisation[]> {
  const answer = await request<People['PagedModelOrganisationResponse']>('GET', '/api/membership/organisations?status=MEMBER&size=100');
  return answer?.content ?? [];
}

export async function searchPeople(q: string): Promise<Paged<PersonRow>> {
  const search = new URLSearchParams({ page: '0', size: '20' });
  if (q.trim()) search.set('q', q.trim());
  return pagedOf(required(await request<People['PagedModelPersonResponse']>('GET', `/api/membership/people?${search.toString()}`)));
}

/** Display names of the given people (members may list people), page by page until all are found. */
export async function peopleNames(ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = new Set(ids.filter((id) => !id.startsWith('erased-')));
  for (let page = 0; wanted.size > 0 && page < 10; page++) {
    const found = pagedOf(required(await request<People['PagedModelPersonResponse']>('GET', `/api/membership/people?page=${page}&size=100`)));
    for (const person of found.content) {
      if (person.id === undefined || person.displayName === undefined) continue;
      names.set(person.id, person.displayName);
      wanted.delete(person.id);
    }
    if (page + 1 >= found.page.totalPages) break;
  }
  return names;
}

/** The signed-in person (zone, organisations); null for an account that is no person (the bootstrap coordinator). */
export async function me(): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/membership/people/me');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}
