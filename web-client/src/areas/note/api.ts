// The analytical note's calls (research-service /api/research/note), typed by the service's OpenAPI document.
import { request } from '../../api/http';
import type * as research from '../../api/schema/research';

type Schemas = research.components['schemas'];

export type Draft = Schemas['DraftResponse'];
export type Version = Schemas['VersionResponse'];
export type VersionSummary = Schemas['Summary'];
export type Changes = Schemas['NoteChanges'];
export type InstitutionPart = Schemas['InstitutionPart'];
export type CountryPart = Schemas['CountryPart'];
export type NoteFinding = Schemas['NoteFinding'];
export type Fact = Schemas['Fact'];
export type Citation = Schemas['Citation'];

export const FORMATS = ['pdf', 'docx', 'html', 'md'] as const;
export type Format = (typeof FORMATS)[number];

const BASE = '/api/research/note';

export async function getDraft(): Promise<Draft> {
  return (await request<Draft>('GET', `${BASE}/draft`)) ?? {};
}

/** Oldest first, as the service answers. */
export async function listVersions(): Promise<readonly VersionSummary[]> {
  return (await request<Schemas['VersionsResponse']>('GET', `${BASE}/versions`))?.versions ?? [];
}

export async function getVersion(number: number): Promise<Version> {
  return (await request<Version>('GET', `${BASE}/versions/${number}`)) ?? {};
}

export async function publishVersion(): Promise<Version> {
  return (await request<Version>('POST', `${BASE}/versions`)) ?? {};
}

/** Where a version (or the draft) is downloaded in a format. */
export function downloadPath(number: number | 'draft', format: Format): string {
  return number === 'draft' ? `${BASE}/draft?format=${format}` : `${BASE}/versions/${number}?format=${format}`;
}

/** The name the service gives the file, in case the answer does not say. */
export function fallbackName(number: number | 'draft', format: Format): string {
  return `analytical-note-${number === 'draft' ? 'draft' : `v${number}`}.${format}`;
}
