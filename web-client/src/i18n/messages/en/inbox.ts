// English, inbox: the reference for every other language.
export const inbox = {
  'inbox.unread': '{count, plural, =0 {No unread messages} one {# unread message} other {# unread messages}}',
  'inbox.empty': 'No messages yet.',
} as const;
