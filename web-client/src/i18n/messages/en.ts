// English: the reference catalogue. Every other catalogue has only keys that appear here.
// Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/).
export const en = {
  'app.name': 'Civic Taskforce',

  'shell.skipToContent': 'Skip to main content',
  'shell.mainNav': 'Main',
  'shell.language': 'Language',
  'shell.signIn': 'Sign in',
  'shell.signOut': 'Sign out',
  'shell.signingOut': 'Signing out…',
  'shell.signedIn': 'Signed in as {roles}',
  'shell.signedInNoRole': 'Signed in (no role yet)',
  'shell.notSignedIn': 'Not signed in',
  'shell.offline': 'Offline: you see what was last loaded. Changes are possible again when the connection returns.',
  'shell.loading': 'Loading…',
  'shell.welcomeTitle': 'Welcome',
  'shell.welcomeBody': 'Sign in to see your invitations, meetings and messages.',
  'shell.notFound': 'This page does not exist.',
  'shell.comingSoon': 'This screen is being built.',

  'nav.dashboard': 'Dashboard',
  'nav.people': 'People',
  'nav.organisations': 'Organisations',
  'nav.meetings': 'Meetings',
  'nav.inbox': 'Inbox',
  'nav.profile': 'My profile',
  'nav.security': 'Security',

  'dashboard.openInvitations': '{count, plural, =0 {No open invitations} one {# open invitation} other {# open invitations}}',
  'dashboard.waiting': 'Waiting for you',
  'dashboard.activeExperts': '{count, plural, one {# active expert} other {# active experts}}',

  'people.count': '{count, plural, one {# person} other {# people}}',
  'people.register': 'Register a person',
  'people.invite': 'Invite',
  'people.search': 'Search by name',
  'organisations.count': '{count, plural, one {# organisation} other {# organisations}}',

  'meetings.upcoming': 'Upcoming meetings',
  'meetings.past': 'Past meetings',
  'meetings.schedule': 'Schedule a meeting',
  'meetings.timeZone': 'Time zone',
  'meetings.participants': '{count, plural, one {# participant} other {# participants}}',
  'meetings.yourTime': '{time} (your time, {zone})',
  'meetings.meetingTime': '{time} in {zone}',

  'inbox.unread': '{count, plural, =0 {No unread messages} one {# unread message} other {# unread messages}}',
  'inbox.empty': 'No messages yet.',

  'profile.name': 'Name',
  'profile.email': 'Contact e-mail',
  'profile.languages': 'Languages',
  'profile.timeZone': 'Time zone',

  'security.secondFactor': 'Second factor',
  'security.turnOn': 'Turn on the second factor',
  'security.turnOff': 'Turn off the second factor',
  'security.recoveryCodes': 'Recovery codes',
  'security.recoveryCodesLeft': '{count, plural, one {# recovery code left} other {# recovery codes left}}',

  'invitation.title': 'Invitation',
  'invitation.accept': 'Accept the invitation',
  'invitation.decline': 'Decline the invitation',
  'consent.title': 'Consent',
  'consent.noticeVersion': 'Notice version {version}',
  'consent.give': 'I consent',
  'consent.withdraw': 'Withdraw consent',

  'rsvp.question': 'Will you attend?',
  'rsvp.yes': 'Yes',
  'rsvp.no': 'No',
  'rsvp.maybe': 'Maybe',

  'status.candidate': 'Candidate',
  'status.invited': 'Invited',
  'status.accepted': 'Accepted',
  'status.declined': 'Declined',
  'status.active': 'Active',
  'status.left': 'Left',
  'status.removed': 'Removed',

  'role.coordinator': 'Coordinator',
  'role.expert': 'Expert',
  'role.member': 'Member organisation',
  'role.translator': 'Translator',
  'role.observer': 'Observer',

  'error.400': 'Some of what was entered is not valid. Please check the marked fields.',
  'error.401': 'Your session has ended. Please sign in again.',
  'error.403': 'You are not allowed to do this.',
  'error.404': 'This was not found. It may have been removed.',
  'error.409': 'This has changed in the meantime. Please reload and try again.',
  'error.422': 'This cannot be done in its current state.',
  'error.429': 'Too many requests. Please wait a minute and try again.',
  'error.500': 'Something went wrong on our side. Please try again later.',
  'error.503': 'The service is unavailable for a moment. Please try again shortly.',
  'error.offline': 'You are offline. Please try again when the connection returns.',
  'error.unknown': 'Something went wrong. Please try again.',
  'error.reference': 'Reference: {id}',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.retry': 'Try again',
  'common.close': 'Close',
} as const;

export type MessageKey = keyof typeof en;
/** A catalogue for another language: any subset of the English keys (missing ones fall back). */
export type Catalogue = { readonly [K in MessageKey]?: string };
