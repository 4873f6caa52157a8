import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Предстоящие встречи',
  'meetings.past': 'Прошедшие встречи',
  'meetings.schedule': 'Назначить встречу',
  'meetings.timeZone': 'Часовой пояс',
  'meetings.participants': '{count, plural, one {# участник} few {# участника} many {# участников} other {# участника}}',
  'meetings.yourTime': '{time} (ваше время, {zone})',
  'meetings.meetingTime': '{time} по времени {zone}',
  'rsvp.question': 'Вы примете участие?',
  'rsvp.yes': 'Да',
  'rsvp.no': 'Нет',
  'rsvp.maybe': 'Возможно',
} as const satisfies Catalogue;
