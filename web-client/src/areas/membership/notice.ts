// The privacy notice a person consents to. Its version is recorded with the consent (membership-service keeps
// the version and the purpose codes, not the text), so any change of the words below needs a new version,
// and people are asked again. The words themselves are in the catalogues (consent.notice.*), per language.
import type * as membership from '../../api/schema/membership';

export const NOTICE_VERSION = '2026-12';

export interface Purpose {
  readonly code: string;
  readonly required: boolean;
}

/** membership is what taking part means; e-mail is a choice (the inbox works without it) */
export const PURPOSES: readonly Purpose[] = [
  { code: 'membership', required: true },
  { code: 'contact-by-email', required: false },
];

/**
 * The person's own record as membership-service answers it (GET /people/{id}, the OpenAPI document's
 * PersonDetailsResponse): fields without a value are left out, not null, so every field is optional.
 */
export type MyRecord = membership.components['schemas']['PersonDetailsResponse'];
export type Status = NonNullable<MyRecord['status']>;
/** The record read by the person's own id: the id asked for, whatever the answer holds. */
export type OwnRecord = MyRecord & { readonly id: string };

export type Step = 'answer' | 'consent' | 'waiting' | 'member' | 'none' | 'ended';

/** What the person can do now: the service allows exactly these, in this order. */
export function stepOf(record: MyRecord, now: Date): Step {
  switch (record.status) {
    case 'INVITED':
      return record.invitation?.expiresAt !== undefined && new Date(record.invitation.expiresAt) > now ? 'answer' : 'none';
    case 'ACCEPTED':
      return needsConsent(record) ? 'consent' : 'waiting';
    case 'ACTIVE':
      return needsConsent(record) ? 'consent' : 'member';
    case 'LEFT':
    case 'REMOVED':
    case 'ERASED':
      return 'ended';
    default:
      return 'none';
  }
}

/** No consent yet, or one given to an older notice. */
export function needsConsent(record: MyRecord): boolean {
  return record.consent?.noticeVersion !== NOTICE_VERSION;
}
