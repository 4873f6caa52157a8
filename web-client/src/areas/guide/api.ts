// strategy-service's guide (GuideController: /api/strategy/guide): sections in the source language, their
// translations per language (write a draft, submit, approve, return), the source's change since a translation's
// revision, translators per language, completeness and editions; and membership's people, to pick translators.
// One function per call; the types are the services' OpenAPI documents' (src/api/schema, generated).
import { request } from '../../api/http';
import { ApiError } from '../../api/problems';
import type * as membership from '../../api/schema/membership';
import type * as strategy from '../../api/schema/strategy';

type Schemas = strategy.components['schemas'];

export type Guide = Schemas['GuideResponse'];
export type SectionView = Schemas['SectionView'];
export type LanguageView = Schemas['LanguageView'];
export type Translation = Schemas['TranslationResponse'];
export type TranslationBody = Schemas['TranslationRequest'];
export type SourceDiff = Schemas['SourceDiffResponse'];
export type DiffLine = Schemas['DiffLine'];
export type SectionBody = Schemas['SectionRequest'];
export type Edition = Schemas['EditionResponse'];
/** Per target language, the ids of the people assigned to translate into it. */
export type Translators = Readonly<Record<string, readonly string[]>>;
export type Person = membership.components['schemas']['PersonResponse'];

const BASE = '/api/strategy/guide';

function required<T>(value: T | null): T {
  if (value === null) throw new ApiError(502, null, null);
  return value;
}

const enc = encodeURIComponent;

function translationPath(key: string, lang: string): string {
  return `${BASE}/sections/${enc(key)}/translations/${enc(lang)}`;
}

export async function getGuide(): Promise<Guide> {
  return required(await request<Guide>('GET', BASE));
}

export async function getTranslators(): Promise<Translators> {
  return required(await request<Translators>('GET', `${BASE}/translators`));
}

/** The translation of a section, or null when none was written yet (the service answers 404). */
export async function getTranslation(key: string, lang: string): Promise<Translation | null> {
  try {
    return await request<Translation>('GET', translationPath(key, lang));
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return null;
    throw failure;
  }
}

export async function saveTranslation(key: string, lang: string, body: TranslationBody): Promise<Translation> {
  return required(await request<Translation>('PUT', translationPath(key, lang), body));
}

export type Move = 'submit' | 'approve' | 'return';

/** Submit, approve, or return (with the reviewer's comment, if any, which the translator reads until they submit). */
export async function moveTranslation(key: string, lang: string, move: Move, comment?: string): Promise<Translation> {
  const body = move === 'return' && comment?.trim() ? { comment: comment.trim() } : undefined;
  return required(await request<Translation>('POST', `${translationPath(key, lang)}/${move}`, body));
}

export async function getSourceDiff(key: string, lang: string): Promise<SourceDiff> {
  return required(await request<SourceDiff>('GET', `${translationPath(key, lang)}/source-diff`));
}

export async function addSection(body: SectionBody): Promise<SectionView> {
  return required(await request<SectionView>('POST', `${BASE}/sections`, body));
}

export async function changeSection(key: string, body: { title: string; body: string }): Promise<SectionView> {
  return required(await request<SectionView>('PUT', `${BASE}/sections/${enc(key)}`, body));
}

export async function assignTranslator(lang: string, personId: string): Promise<void> {
  await request('PUT', `${BASE}/translators/${enc(lang)}/${enc(personId)}`);
}

export async function unassignTranslator(lang: string, personId: string): Promise<void> {
  await request('DELETE', `${BASE}/translators/${enc(lang)}/${enc(personId)}`);
}

export async function publishEdition(lang: string): Promise<Edition> {
  return required(await request<Edition>('POST', `${BASE}/editions/${enc(lang)}`));
}

/** A published edition's download (public: no sign-in needed), by format. */
export function editionPath(lang: string, number: number, format: 'html' | 'pdf' | 'md' | 'docx'): string {
  return `${BASE}/editions/${enc(lang)}/${number}?format=${format}`;
}

/** The active people with the translator role (the coordinator picks translators from them). */
export async function listTranslatorPeople(): Promise<readonly Person[]> {
  const answer = await request<{ content?: Person[] }>('GET', '/api/membership/people?role=TRANSLATOR&status=ACTIVE&page=0&size=100');
  return answer?.content ?? [];
}
