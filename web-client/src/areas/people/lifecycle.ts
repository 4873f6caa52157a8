// What a coordinator may do with a person or an organisation in each state, as membership-service's
// domain allows it (MembershipStatus, OrganisationStatus): the screens offer only these, the service
// still decides.
import type { MessageKey } from '../../i18n/messages/en';
import { confirmsWord } from '../../ui/TypedConfirmation';
import type { OrganisationCommand, OrganisationStatus, Person, PersonStatus } from './api';

export type PersonAction = 'invite' | 'enrolmentLink' | 'activate' | 'remove' | 'erase';

/**
 * invite: CANDIDATE or DECLINED (an expired invitation is a candidate again); enrolment link: while
 * the person needs or uses an account (INVITED to accept, ACCEPTED to consent, ACTIVE to recover a
 * lost password or second factor); activate: ACCEPTED with recorded consent; remove: ACCEPTED or
 * ACTIVE; erase: anything but ERASED (final).
 */
export function actionsFor(status: PersonStatus | null | undefined, consentRecorded: boolean): PersonAction[] {
  if (!status) return [];
  const actions: PersonAction[] = [];
  if (status === 'CANDIDATE' || status === 'DECLINED') actions.push('invite');
  if (status === 'INVITED' || status === 'ACCEPTED' || status === 'ACTIVE') actions.push('enrolmentLink');
  if (status === 'ACCEPTED' && consentRecorded) actions.push('activate');
  if (status === 'ACCEPTED' || status === 'ACTIVE') actions.push('remove');
  if (status !== 'ERASED') actions.push('erase');
  return actions;
}

/** The actions for a person as the single read answers it (consent only comes to coordinators). */
export function personActions(person: Person): PersonAction[] {
  return actionsFor(person.status, person.consent !== null && person.consent !== undefined);
}

/** CANDIDATE → INVITED → MEMBER → WITHDRAWN, withdraw also from INVITED. */
export function organisationActionsFor(status: OrganisationStatus | undefined): OrganisationCommand[] {
  switch (status) {
    case 'CANDIDATE':
      return ['invite'];
    case 'INVITED':
      return ['join', 'withdraw'];
    case 'MEMBER':
      return ['withdraw'];
    default:
      return [];
  }
}

export function personStatusKey(status: PersonStatus): MessageKey {
  return status === 'ERASED' ? 'people.status.erased' : (`status.${status.toLowerCase()}` as MessageKey);
}

export function organisationStatusKey(status: OrganisationStatus): MessageKey {
  return `organisations.status.${status.toLowerCase()}` as MessageKey;
}

export function roleKey(role: string): MessageKey {
  return `role.${role.toLowerCase()}` as MessageKey;
}

/** The typed confirmation of an erasure: the word shown (the shared rule of src/ui/TypedConfirmation). */
export const confirmsErasure = confirmsWord;

/** The zone a person from a Central Asian country most likely lives in, to preset the picker. */
export const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  KZ: 'Asia/Almaty',
  KG: 'Asia/Bishkek',
  TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat',
  UZ: 'Asia/Tashkent',
};

/** Focus areas typed as "media, fatf" → ["media", "fatf"] (the service normalises the tags). */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
