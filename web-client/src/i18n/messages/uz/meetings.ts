import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Kelgusi uchrashuvlar',
  'meetings.past': 'Oʻtgan uchrashuvlar',
  'meetings.schedule': 'Uchrashuv belgilash',
  'meetings.timeZone': 'Vaqt mintaqasi',
  'meetings.participants': '{count, plural, other {# ta ishtirokchi}}',
  'meetings.yourTime': '{time} (sizning vaqtingiz, {zone})',
  'meetings.meetingTime': '{time}, {zone} vaqti bilan',
  'rsvp.question': 'Qatnashasizmi?',
  'rsvp.yes': 'Ha',
  'rsvp.no': 'Yoʻq',
  'rsvp.maybe': 'Ehtimol',
} as const satisfies Catalogue;
