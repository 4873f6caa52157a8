import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Ном',
  'profile.email': 'E-mail барои тамос',
  'profile.languages': 'Забонҳо',
  'profile.timeZone': 'Минтақаи вақт',
  'security.secondFactor': 'Омили дуюм',
  'security.turnOn': 'Фаъол кардани омили дуюм',
  'security.turnOff': 'Хомӯш кардани омили дуюм',
  'security.recoveryCodes': 'Рамзҳои барқарорсозӣ',
  'security.recoveryCodesLeft': '{count, plural, other {# рамзи барқарорсозӣ боқӣ монд}}',
} as const satisfies Catalogue;
