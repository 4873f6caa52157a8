// English, meetings: the reference for every other language.
export const meetings = {
  'meetings.upcoming': 'Upcoming meetings',
  'meetings.past': 'Past meetings',
  'meetings.schedule': 'Schedule a meeting',
  'meetings.timeZone': 'Time zone',
  'meetings.participants': '{count, plural, one {# participant} other {# participants}}',
  'meetings.yourTime': '{time} (your time, {zone})',
  'meetings.meetingTime': '{time} in {zone}',
  'rsvp.question': 'Will you attend?',
  'rsvp.yes': 'Yes',
  'rsvp.no': 'No',
  'rsvp.maybe': 'Maybe',
} as const;
