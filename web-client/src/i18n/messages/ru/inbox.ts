import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Непрочитанных сообщений нет} one {# непрочитанное сообщение} few {# непрочитанных сообщения} many {# непрочитанных сообщений} other {# непрочитанного сообщения}}',
  'inbox.empty': 'Сообщений пока нет.',
} as const satisfies Catalogue;
