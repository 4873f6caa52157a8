import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Открытых приглашений нет} one {# открытое приглашение} few {# открытых приглашения} many {# открытых приглашений} other {# открытого приглашения}}',
  'dashboard.waiting': 'Ждёт вашего решения',
  'dashboard.activeExperts': '{count, plural, one {# активный эксперт} few {# активных эксперта} many {# активных экспертов} other {# активного эксперта}}',
} as const satisfies Catalogue;
