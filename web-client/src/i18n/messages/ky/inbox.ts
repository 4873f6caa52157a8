import type { Catalogue } from '../en';

export const inbox = {
  'inbox.unread': '{count, plural, =0 {Окула элек билдирүү жок} other {# окула элек билдирүү}}',
  'inbox.empty': 'Азырынча билдирүү жок.',
} as const satisfies Catalogue;
