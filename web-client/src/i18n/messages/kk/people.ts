import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, other {# адам}}',
  'people.register': 'Адамды тіркеу',
  'people.invite': 'Шақыру',
  'people.search': 'Аты бойынша іздеу',
  'organisations.count': '{count, plural, other {# ұйым}}',
} as const satisfies Catalogue;
