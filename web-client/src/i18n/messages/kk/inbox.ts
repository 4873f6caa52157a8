import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Оқылмаған хабар жоқ} other {# оқылмаған хабар}}',
  'inbox.empty': 'Әзірге хабар жоқ.',
} as const satisfies Catalogue;
