import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Имя',
  'profile.email': 'Контактный e-mail',
  'profile.languages': 'Языки',
  'profile.timeZone': 'Часовой пояс',
  'security.secondFactor': 'Второй фактор',
  'security.turnOn': 'Включить второй фактор',
  'security.turnOff': 'Отключить второй фактор',
  'security.recoveryCodes': 'Коды восстановления',
  'security.recoveryCodesLeft': '{count, plural, one {Остался # код восстановления} few {Осталось # кода восстановления} many {Осталось # кодов восстановления} other {Осталось # кода восстановления}}',
} as const satisfies Catalogue;
