import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Алдағы кездесулер',
  'meetings.past': 'Өткен кездесулер',
  'meetings.schedule': 'Кездесу белгілеу',
  'meetings.timeZone': 'Уақыт белдеуі',
  'meetings.participants': '{count, plural, other {# қатысушы}}',
  'meetings.yourTime': '{time} (сіздің уақытыңыз, {zone})',
  'meetings.meetingTime': '{time}, {zone} уақыты',
  'rsvp.question': 'Қатысасыз ба?',
  'rsvp.yes': 'Иә',
  'rsvp.no': 'Жоқ',
  'rsvp.maybe': 'Мүмкін',
} as const satisfies Catalogue;
