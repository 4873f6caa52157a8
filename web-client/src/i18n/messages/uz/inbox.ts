import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Oʻqilmagan xabar yoʻq} other {# ta oʻqilmagan xabar}}',
  'inbox.empty': 'Hozircha xabar yoʻq.',
} as const satisfies Catalogue;
