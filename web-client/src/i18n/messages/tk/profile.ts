import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Ady',
  'profile.email': 'Habarlaşmak üçin e-mail',
  'profile.languages': 'Diller',
  'profile.timeZone': 'Wagt guşagy',
  'security.secondFactor': 'Ikinji faktor',
  'security.turnOn': 'Ikinji faktory açmak',
  'security.turnOff': 'Ikinji faktory öçürmek',
  'security.recoveryCodes': 'Dikeltmek kodlary',
  'security.recoveryCodesLeft': '{count, plural, other {# dikeltmek kody galdy}}',
} as const satisfies Catalogue;
