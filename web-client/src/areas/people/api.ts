// membership-service's people and organisations, and identity-service's enrolment links, as the
// gateway serves them (README API tables). One function per call; the types are the services' OpenAPI
// documents' (src/api/schema, generated). The services leave out null fields, so almost every field
// of an answer is optional: the screens show what comes.
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import type * as identity from '../../api/schema/identity';
import type * as membership from '../../api/schema/membership';
import type { Paged } from '../../ui/Pager';

type Schemas = membership.components['schemas'];

/**
 * A person as the API answers: lists and commands leave out contact details and consent (PersonResponse);
 * the single read adds them for coordinators (PersonDetailsResponse). A protected person's public view is
 * id, display name and the flag; an erased person is a tombstone.
 */
export type Person = Schemas['PersonDetailsResponse'];
export type InvitationView = Schemas['InvitationView'];
export type ConsentView = Schemas['ConsentView'];
export type PersonStatus = NonNullable<Person['status']>;
export type GroupRole = NonNullable<Person['roles']>[number];
export const PERSON_STATUSES: readonly PersonStatus[] = ['CANDIDATE', 'INVITED', 'ACCEPTED', 'DECLINED', 'ACTIVE', 'LEFT', 'REMOVED', 'ERASED'];
export const GROUP_ROLES: readonly GroupRole[] = ['COORDINATOR', 'EXPERT', 'MEMBER', 'TRANSLATOR', 'OBSERVER'];

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
  return pagedOf(required(await request<Schemas['PagedModelPersonResponse']>('GET', `${PEOPLE}?${listQuery({ ...filter }, page, size)}`)));
}

export async function getPerson(id: string): Promise<Person> {
  return required(await request<Person>('GET', `${PEOPLE}/${encodeURIComponent(id)}`));
}

export type NewPerson = Schemas['RegisterPersonRequest'];

export async function registerPerson(person: NewPerson): Promise<Person> {
  return required(await request<Schemas['PersonResponse']>('POST', PEOPLE, person));
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

export type EnrolmentLink = identity.components['schemas']['EnrolmentLink'];

/** identity-service: a one-time link with which the person sets their username and password. */
export async function issueEnrolmentLink(personId: string): Promise<EnrolmentLink> {
  return required(await request<EnrolmentLink>('POST', '/api/identity/enrolments', { personId }));
}

export type Country = Schemas['Country'];

/** The five Central Asian states first, then every ISO 3166 country (English names). */
export async function listCountries(): Promise<readonly Country[]> {
  return (await request<Country[]>('GET', '/api/membership/countries')) ?? [];
}

export type OrganisationStatus = NonNullable<Organisation['status']>;
export const ORGANISATION_STATUSES: readonly OrganisationStatus[] = ['CANDIDATE', 'INVITED', 'MEMBER', 'WITHDRAWN'];
export const ORGANISATION_KINDS = [
  'HUMAN_RIGHTS', 'ENVIRONMENT', 'LABOUR', 'MEDIA', 'ANTI_CORRUPTION', 'WOMENS_RIGHTS', 'LEGAL_AID',
  'MINORITY_RIGHTS', 'DEVELOPMENT', 'RESEARCH', 'OTHER',
] as const satisfies readonly NonNullable<Organisation['kind']>[];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A kind chosen in a form, or '' when none (or none the service knows) is chosen. */
export function organisationKindOf(value: string): OrganisationKind | '' {
  return ORGANISATION_KINDS.find((kind) => kind === value) ?? '';
}

/** contact: only in the single read, only for coordinators */
export type Organisation = Schemas['OrganisationResponse'];

export interface OrganisationFilter {
  readonly q?: string;
  readonly country?: string;
  readonly status?: string;
  readonly kind?: string;
  readonly focus?: string;
}

export async function listOrganisations(filter: OrganisationFilter, page: number, size = PAGE_SIZE): Promise<Paged<Organisation>> {
  return pagedOf(required(await request<Schemas['PagedModelOrganisationResponse']>('GET', `${ORGANISATIONS}?${listQuery({ ...filter }, page, size)}`)));
}

export async function getOrganisation(id: string): Promise<Organisation> {
  return required(await request<Organisation>('GET', `${ORGANISATIONS}/${encodeURIComponent(id)}`));
}

/** kind '' when none was chosen: the form sends it anyway and the service's problem names the field */
export type NewOrganisation = Omit<Schemas['RegisterOrganisationRequest'], 'kind'> & {
  readonly kind: Schemas['RegisterOrganisationRequest']['kind'] | '';
};

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
