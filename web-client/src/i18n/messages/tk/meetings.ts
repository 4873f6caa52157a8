import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Geljekki duşuşyklar',
  'meetings.past': 'Geçen duşuşyklar',
  'meetings.schedule': 'Duşuşyk bellemek',
  'meetings.timeZone': 'Wagt guşagy',
  'meetings.participants': '{count, plural, other {# gatnaşyjy}}',
  'meetings.yourTime': '{time} (siziň wagtyňyz, {zone})',
  'meetings.meetingTime': '{time}, {zone} wagty',
  'rsvp.question': 'Gatnaşarsyňyzmy?',
  'rsvp.yes': 'Hawa',
  'rsvp.no': 'Ýok',
  'rsvp.maybe': 'Belki',
} as const satisfies Catalogue;
