import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Açyk çakylyk ýok} other {# açyk çakylyk}}',
  'dashboard.waiting': 'Siziň çözgüdiňize garaşýar',
  'dashboard.activeExperts': '{count, plural, other {# işjeň bilermen}}',
} as const satisfies Catalogue;
