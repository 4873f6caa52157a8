import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, other {# адам}}',
  'people.register': 'Адамды каттоо',
  'people.invite': 'Чакыруу',
  'people.search': 'Аты боюнча издөө',
  'organisations.count': '{count, plural, other {# уюм}}',
} as const satisfies Catalogue;
