// English, profile: the reference for every other language.
export const profile = {
  'profile.name': 'Name',
  'profile.email': 'Contact e-mail',
  'profile.languages': 'Languages',
  'profile.timeZone': 'Time zone',
  'security.secondFactor': 'Second factor',
  'security.turnOn': 'Turn on the second factor',
  'security.turnOff': 'Turn off the second factor',
  'security.recoveryCodes': 'Recovery codes',
  'security.recoveryCodesLeft': '{count, plural, one {# recovery code left} other {# recovery codes left}}',
} as const;
