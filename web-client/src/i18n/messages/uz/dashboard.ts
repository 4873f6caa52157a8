import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Ochiq taklifnomalar yoʻq} other {# ta ochiq taklifnoma}}',
  'dashboard.waiting': 'Sizning qaroringizni kutmoqda',
  'dashboard.activeExperts': '{count, plural, other {# ta faol ekspert}}',
} as const satisfies Catalogue;
