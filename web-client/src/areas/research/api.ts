// The research area's calls (research-service: the institution catalogue, country relations, the coverage
// matrix and search), one function per call, typed by the service's OpenAPI document (src/api/schema).
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import type * as research from '../../api/schema/research';
import type { Paged } from '../../ui/Pager';

type Schemas = research.components['schemas'];

export type InstitutionSummary = Schemas['InstitutionSummary'];
export type Institution = Schemas['InstitutionResponse'];
export type Standard = Schemas['Standard'];
export type Mechanism = Schemas['Mechanism'];
export type Source = Schemas['Source'];
export type Country = Schemas['CountryResponse'];
export type Relation = Schemas['RelationResponse'];
export type Coverage = Schemas['Coverage'];
export type CoverageCell = Schemas['Cell'];
export type Strand = NonNullable<CoverageCell['strand']>;
export type SearchHit = Schemas['SearchHit'];

export const STRANDS: readonly Strand[] = ['STANDARDS_AND_RULES', 'LEGAL_AND_POLITICAL_RELATIONS', 'ADVOCACY_TOOLS_AND_PRACTICES'];
export const SEARCH_KINDS = ['finding', 'standard', 'mechanism'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const BASE = '/api/research';

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The catalogue is small (tens of institutions): one page of 100 holds it. */
export async function listInstitutions(): Promise<Paged<InstitutionSummary>> {
  return pagedOf((await request<Schemas['PagedModelInstitutionSummary']>('GET', `${BASE}/institutions?size=100`)) ?? {});
}

export async function getInstitution(id: string): Promise<Institution> {
  return (await request<Institution>('GET', `${BASE}/institutions/${encodeURIComponent(id)}`)) ?? {};
}

export async function listCountries(): Promise<readonly Country[]> {
  return (await request<Schemas['CountriesResponse']>('GET', `${BASE}/countries`))?.countries ?? [];
}

export async function countryRelations(code: string): Promise<readonly Relation[]> {
  return (await request<Schemas['RelationsResponse']>('GET', `${BASE}/countries/${encodeURIComponent(code)}/relations`))
    ?.relations ?? [];
}

export async function getCoverage(): Promise<Coverage> {
  return (await request<Coverage>('GET', `${BASE}/coverage`)) ?? {};
}

export async function search(q: string, kind: SearchKind | '', page: number): Promise<Paged<SearchHit>> {
  return pagedOf((await request<Schemas['PagedModelSearchHit']>('GET', `${BASE}/search${query({ q, kind, page, size: 20 })}`)) ?? {});
}
