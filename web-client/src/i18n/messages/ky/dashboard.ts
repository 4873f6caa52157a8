import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Ачык чакыруулар жок} other {# ачык чакыруу}}',
  'dashboard.waiting': 'Сиздин чечимиңизди күтүүдө',
  'dashboard.activeExperts': '{count, plural, other {# активдүү эксперт}}',
} as const satisfies Catalogue;
