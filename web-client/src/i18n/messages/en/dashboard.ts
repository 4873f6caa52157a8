// English, dashboard: the reference for every other language.
export const dashboard = {
  'dashboard.openInvitations': '{count, plural, =0 {No open invitations} one {# open invitation} other {# open invitations}}',
  'dashboard.waiting': 'Waiting for you',
  'dashboard.activeExperts': '{count, plural, one {# active expert} other {# active experts}}',
} as const;
