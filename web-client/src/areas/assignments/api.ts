// The assignments area's calls (research-service's AssignmentsController and FindingsController, the
// catalogue's institutions and countries, membership's people list for the active experts), one function
// per call. The types are the services' OpenAPI documents' (src/api/schema, generated).
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import { ApiError } from '../../api/problems';
import type * as membership from '../../api/schema/membership';
import type * as research from '../../api/schema/research';
import type { Paged } from '../../ui/Pager';

type Schemas = research.components['schemas'];

export type Assignment = Schemas['AssignmentResponse'];
export type AssignmentStatus = NonNullable<Assignment['status']>;
export type Strand = Schemas['AssignmentRequest']['strand'];
export type NewAssignment = Schemas['AssignmentRequest'];
export type Finding = Schemas['Finding'];
export type FindingStatus = NonNullable<Finding['status']>;
export type FindingBody = Schemas['FindingRequest'];
export type CitationBody = Schemas['CitationRequest'];
export type Citation = Schemas['Citation'];
export type Institution = Schemas['InstitutionSummary'];
export type Country = Schemas['CountryResponse'];
export type Person = membership.components['schemas']['PersonResponse'];

export const STRANDS: readonly Strand[] = ['STANDARDS_AND_RULES', 'LEGAL_AND_POLITICAL_RELATIONS', 'ADVOCACY_TOOLS_AND_PRACTICES'];

const ASSIGNMENTS = '/api/research/assignments';
const FINDINGS = '/api/research/findings';

function required<T>(value: T | null): T {
  if (value === null) throw new ApiError(502, null, null);
  return value;
}

function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

/** Coordinators get every assignment, an expert their own (the service filters). */
export async function listAssignments(filter: { readonly status?: AssignmentStatus; readonly page: number; readonly size: number }): Promise<Paged<Assignment>> {
  return pagedOf(required(await request<Schemas['PagedModelAssignmentResponse']>('GET', `${ASSIGNMENTS}?${query(filter)}`)));
}

export async function getAssignment(id: string): Promise<Assignment> {
  return required(await request<Assignment>('GET', `${ASSIGNMENTS}/${encodeURIComponent(id)}`));
}

export async function createAssignment(body: NewAssignment): Promise<Assignment> {
  return required(await request<Assignment>('POST', ASSIGNMENTS, body));
}

export type AssignmentStep = 'start' | 'submit' | 'accept';

export async function moveAssignment(id: string, step: AssignmentStep): Promise<Assignment> {
  return required(await request<Assignment>('POST', `${ASSIGNMENTS}/${encodeURIComponent(id)}/${step}`));
}

export async function findingsOf(assignmentId: string): Promise<readonly Finding[]> {
  const answer = await request<Schemas['FindingsResponse']>('GET', `${ASSIGNMENTS}/${encodeURIComponent(assignmentId)}/findings`);
  return answer?.findings ?? [];
}

export async function addFinding(assignmentId: string, body: FindingBody): Promise<Finding> {
  return required(await request<Finding>('POST', `${ASSIGNMENTS}/${encodeURIComponent(assignmentId)}/findings`, body));
}

/** A new version of the finding (a returned one becomes submitted again). */
export async function reviseFinding(findingId: string, body: FindingBody): Promise<Finding> {
  return required(await request<Finding>('PUT', `${FINDINGS}/${encodeURIComponent(findingId)}`, body));
}

/** One step: the finding back to the expert with the comment, its assignment back in progress. */
export async function returnFinding(findingId: string, comment: string): Promise<Finding> {
  return required(await request<Finding>('POST', `${FINDINGS}/${encodeURIComponent(findingId)}/return`, { comment }));
}

export async function listInstitutions(): Promise<readonly Institution[]> {
  return pagedOf(required(await request<Schemas['PagedModelInstitutionSummary']>('GET', '/api/research/institutions?size=100'))).content;
}

export async function listCountries(): Promise<readonly Country[]> {
  return (await request<Schemas['CountriesResponse']>('GET', '/api/research/countries'))?.countries ?? [];
}

/** The active people with the expert role: the only ones research-service takes as an assignment's expert. */
export async function activeExperts(): Promise<readonly Person[]> {
  const answer = await request<membership.components['schemas']['PagedModelPersonResponse']>('GET',
    '/api/membership/people?status=ACTIVE&role=EXPERT&size=100');
  return pagedOf(required(answer)).content;
}
