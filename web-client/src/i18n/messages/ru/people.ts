import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, one {# человек} few {# человека} many {# человек} other {# человека}}',
  'people.register': 'Зарегистрировать человека',
  'people.invite': 'Пригласить',
  'people.search': 'Поиск по имени',
  'organisations.count': '{count, plural, one {# организация} few {# организации} many {# организаций} other {# организации}}',
} as const satisfies Catalogue;
