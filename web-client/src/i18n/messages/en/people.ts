// English, people: the reference for every other language.
export const people = {
  'people.count': '{count, plural, one {# person} other {# people}}',
  'people.register': 'Register a person',
  'people.invite': 'Invite',
  'people.search': 'Search by name',
  'organisations.count': '{count, plural, one {# organisation} other {# organisations}}',
} as const;
