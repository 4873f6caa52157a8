import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Ашық шақырулар жоқ} other {# ашық шақыру}}',
  'dashboard.waiting': 'Сіздің шешіміңізді күтуде',
  'dashboard.activeExperts': '{count, plural, other {# белсенді сарапшы}}',
} as const satisfies Catalogue;
