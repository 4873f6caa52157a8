import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Аты-жөнү',
  'profile.email': 'Байланыш үчүн e-mail',
  'profile.languages': 'Тилдер',
  'profile.timeZone': 'Убакыт алкагы',
  'security.secondFactor': 'Экинчи фактор',
  'security.turnOn': 'Экинчи факторду күйгүзүү',
  'security.turnOff': 'Экинчи факторду өчүрүү',
  'security.recoveryCodes': 'Калыбына келтирүү коддору',
  'security.recoveryCodesLeft': '{count, plural, other {# калыбына келтирүү коду калды}}',
} as const satisfies Catalogue;
