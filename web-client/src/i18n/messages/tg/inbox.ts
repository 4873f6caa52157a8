import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Паёмҳои нохонда нестанд} other {# паёми нохонда}}',
  'inbox.empty': 'Ҳоло паём нест.',
} as const satisfies Catalogue;
