import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Алдыдагы жолугушуулар',
  'meetings.past': 'Өткөн жолугушуулар',
  'meetings.schedule': 'Жолугушуу белгилөө',
  'meetings.timeZone': 'Убакыт алкагы',
  'meetings.participants': '{count, plural, other {# катышуучу}}',
  'meetings.yourTime': '{time} (сиздин убакыт, {zone})',
  'meetings.meetingTime': '{time}, {zone} убактысы',
  'rsvp.question': 'Катышасызбы?',
  'rsvp.yes': 'Ооба',
  'rsvp.no': 'Жок',
  'rsvp.maybe': 'Балким',
} as const satisfies Catalogue;
