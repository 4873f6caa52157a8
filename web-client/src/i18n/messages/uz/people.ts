import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, other {# kishi}}',
  'people.register': 'Shaxsni roʻyxatdan oʻtkazish',
  'people.invite': 'Taklif qilish',
  'people.search': 'Ism boʻyicha qidirish',
  'organisations.count': '{count, plural, other {# ta tashkilot}}',
} as const satisfies Catalogue;
