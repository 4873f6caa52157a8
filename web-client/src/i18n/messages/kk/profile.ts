import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Аты-жөні',
  'profile.email': 'Байланыс e-mail',
  'profile.languages': 'Тілдер',
  'profile.timeZone': 'Уақыт белдеуі',
  'security.secondFactor': 'Екінші фактор',
  'security.turnOn': 'Екінші факторды қосу',
  'security.turnOff': 'Екінші факторды өшіру',
  'security.recoveryCodes': 'Қалпына келтіру кодтары',
  'security.recoveryCodesLeft': '{count, plural, other {# қалпына келтіру коды қалды}}',
} as const satisfies Catalogue;
