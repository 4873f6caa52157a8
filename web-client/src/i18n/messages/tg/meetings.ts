import type { Catalogue } from '../en';

export const meetings = {
  'meetings.upcoming': 'Вохӯриҳои оянда',
  'meetings.past': 'Вохӯриҳои гузашта',
  'meetings.schedule': 'Таъин кардани вохӯрӣ',
  'meetings.timeZone': 'Минтақаи вақт',
  'meetings.participants': '{count, plural, other {# иштирокчӣ}}',
  'meetings.yourTime': '{time} (вақти шумо, {zone})',
  'meetings.meetingTime': '{time} аз рӯи вақти {zone}',
  'rsvp.question': 'Шумо иштирок мекунед?',
  'rsvp.yes': 'Ҳа',
  'rsvp.no': 'Не',
  'rsvp.maybe': 'Шояд',
} as const satisfies Catalogue;
