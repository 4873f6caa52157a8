// membership-service's people and organisations, and identity-service's enrolment links, as the
// gateway serves them (README API tables). One function per call, so the generated OpenAPI types can
// replace these hand-written ones in one place.
import { request } from '../../api/http';
import type { Paged } from '../../ui/Pager';

export type PersonStatus = 'CANDIDATE' | 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'ACTIVE' | 'LEFT' | 'REMOVED' | 'ERASED';
export type GroupRole = 'COORDINATOR' | 'EXPERT' | 'MEMBER' | 'TRANSLATOR' | 'OBSERVER';
export const PERSON_STATUSES: readonly PersonStatus[] = ['CANDIDATE', 'INVITED', 'ACCEPTED', 'DECLINED', 'ACTIVE', 'LEFT', 'REMOVED', 'ERASED'];
export const GROUP_ROLES: readonly GroupRole[] = ['COORDINATOR', 'EXPERT', 'MEMBER', 'TRANSLATOR', 'OBSERVER'];

export interface InvitationView {
  readonly invitationId: string;
  readonly invitedAt: string;
  readonly expiresAt: string;
}

export interface ConsentView {
  readonly noticeVersion: string;
  readonly agreedTo: readonly string[];
  readonly agreedAt: string;
}

/**
 * A person as the API answers: lists and commands leave out contact details; the single read adds
 * them for coordinators. Any field may be missing or null (a protected person's public view is id,
 * display name and the flag; an erased person is a tombstone): the screens show what comes.
 */
export interface Person {
  readonly id: string;
  readonly displayName?: string | null;
  readonly fullName?: string | null;
  readonly email?: string | null;
  readonly country?: string | null;
  readonly preferredLanguage?: string | null;
  readonly timeZone?: string | null;
  readonly status?: PersonStatus | null;
  readonly registeredAt?: string | null;
  readonly invitation?: InvitationView | null;
  readonly roles?: readonly GroupRole[] | null;
  readonly languages?: readonly string[] | null;
  readonly expertise?: readonly string[] | null;
  readonly affiliations?: readonly string[] | null;
  readonly protectedIdentity?: boolean;
  readonly consent?: ConsentView | null;
}

export interface PeopleFilter {
  readonly q?: string;
  readonly country?: string;
  readonly status?: string;
  readonly role?: string;
  readonly language?: string;
  readonly expertise?: string;
}

export const PAGE_SIZE = 20;

/** The query string of a list call: empty filters left out, then page and size. */
export function listQuery(filter: Readonly<Record<string, string | undefined>>, page: number, size = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    const trimmed = value?.trim();
    if (trimmed) params.set(name, trimmed);
  }
  params.set('page', String(page));
  params.set('size', String(size));
  return params.toString();
}

const PEOPLE = '/api/membership/people';
const ORGANISATIONS = '/api/membership/organisations';

function required<T>(value: T | null): T {
  if (value === null) throw new Error('empty answer');
  return value;
}

export async function listPeople(filter: PeopleFilter, page: number, size = PAGE_SIZE): Promise<Paged<Person>> {
  return required(await request<Paged<Person>>('GET', `${PEOPLE}?${listQuery({ ...filter }, page, size)}`));
}

export async function getPerson(id: string): Promise<Person> {
  return required(await request<Person>('GET', `${PEOPLE}/${encodeURIComponent(id)}`));
}

export interface NewPerson {
  readonly displayName: string;
  readonly fullName?: string;
  readonly email: string;
  readonly country: string;
  readonly preferredLanguage: string;
  readonly timeZone: string;
  readonly roles: readonly GroupRole[];
  readonly protectedIdentity: boolean;
}

export async function registerPerson(person: NewPerson): Promise<Person> {
  return required(await request<Person>('POST', PEOPLE, person));
}

export type PersonCommand = 'invite' | 'activate' | 'remove' | 'erase';

const COMMAND_PATHS: Readonly<Record<PersonCommand, string>> = {
  invite: 'invitations',
  activate: 'activate',
  remove: 'remove',
  erase: 'erasure',
};

export async function personCommand(id: string, command: PersonCommand): Promise<void> {
  await request('POST', `${PEOPLE}/${encodeURIComponent(id)}/${COMMAND_PATHS[command]}`);
}

export interface EnrolmentLink {
  readonly enrolmentUrl: string;
  readonly expiresAt: string;
}

/** identity-service: a one-time link with which the person sets their username and password. */
export async function issueEnrolmentLink(personId: string): Promise<EnrolmentLink> {
  return required(await request<EnrolmentLink>('POST', '/api/identity/enrolments', { personId }));
}

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly centralAsia: boolean;
}

/** The five Central Asian states first, then every ISO 3166 country (English names). */
export async function listCountries(): Promise<readonly Country[]> {
  return (await request<Country[]>('GET', '/api/membership/countries')) ?? [];
}

export type OrganisationStatus = 'CANDIDATE' | 'INVITED' | 'MEMBER' | 'WITHDRAWN';
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = ['CANDIDATE', 'INVITED', 'MEMBER', 'WITHDRAWN'];
export const ORGANISATION_KINDS = [
  'HUMAN_RIGHTS', 'ENVIRONMENT', 'LABOUR', 'MEDIA', 'ANTI_CORRUPTION', 'WOMENS_RIGHTS', 'LEGAL_AID',
  'MINORITY_RIGHTS', 'DEVELOPMENT', 'RESEARCH', 'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly country?: string | null;
  readonly kind?: OrganisationKind | null;
  readonly focusAreas?: readonly string[] | null;
  readonly website?: string | null;
  readonly status: OrganisationStatus;
  readonly registeredAt?: string | null;
  /** only in the single read, only for coordinators */
  readonly contact?: { readonly email?: string | null; readonly phone?: string | null } | null;
}

export interface OrganisationFilter {
  readonly q?: string;
  readonly country?: string;
  readonly status?: string;
  readonly kind?: string;
  readonly focus?: string;
}

export async function listOrganisations(filter: OrganisationFilter, page: number, size = PAGE_SIZE): Promise<Paged<Organisation>> {
  return required(await request<Paged<Organisation>>('GET', `${ORGANISATIONS}?${listQuery({ ...filter }, page, size)}`));
}

export async function getOrganisation(id: string): Promise<Organisation> {
  return required(await request<Organisation>('GET', `${ORGANISATIONS}/${encodeURIComponent(id)}`));
}

export interface NewOrganisation {
  readonly name: string;
  readonly country: string;
  readonly kind: string;
  readonly focusAreas: readonly string[];
  readonly website?: string;
  readonly contactEmail?: string;
  readonly contactPhone?: string;
}

export async function registerOrganisation(organisation: NewOrganisation): Promise<Organisation> {
  return required(await request<Organisation>('POST', ORGANISATIONS, organisation));
}

export type OrganisationCommand = 'invite' | 'join' | 'withdraw';

const ORGANISATION_PATHS: Readonly<Record<OrganisationCommand, string>> = {
  invite: 'invitation',
  join: 'join',
  withdraw: 'withdraw',
};

export async function organisationCommand(id: string, command: OrganisationCommand): Promise<void> {
  await request('POST', `${ORGANISATIONS}/${encodeURIComponent(id)}/${ORGANISATION_PATHS[command]}`);
}
