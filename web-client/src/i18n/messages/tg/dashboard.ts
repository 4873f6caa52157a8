import type { Catalogue } from '../en';

export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {Даъватномаҳои кушода нестанд} other {# даъватномаи кушода}}',
  'dashboard.waiting': 'Қарори шуморо интизор аст',
  'dashboard.activeExperts': '{count, plural, other {# коршиноси фаъол}}',
} as const satisfies Catalogue;
