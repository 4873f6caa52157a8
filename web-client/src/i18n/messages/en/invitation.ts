// English, invitation: the reference for every other language.
export const invitation = {
  'invitation.title': 'Invitation',
  'invitation.accept': 'Accept the invitation',
  'invitation.decline': 'Decline the invitation',
  'consent.title': 'Consent',
  'consent.noticeVersion': 'Notice version {version}',
  'consent.give': 'I consent',
  'consent.withdraw': 'Withdraw consent',
} as const;
