import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Okalmadyk habar ýok} other {# okalmadyk habar}}',
  'inbox.empty': 'Häzirlikçe habar ýok.',
} as const satisfies Catalogue;
