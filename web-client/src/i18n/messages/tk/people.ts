import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, other {# adam}}',
  'people.register': 'Adamy hasaba almak',
  'people.invite': 'Çagyrmak',
  'people.search': 'Ady boýunça gözleg',
  'organisations.count': '{count, plural, other {# gurama}}',
} as const satisfies Catalogue;
