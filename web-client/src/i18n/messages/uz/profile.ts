import type { Catalogue } from '../en';

export const profile = {
  'profile.name': 'Ism',
  'profile.email': 'Aloqa uchun e-mail',
  'profile.languages': 'Tillar',
  'profile.timeZone': 'Vaqt mintaqasi',
  'security.secondFactor': 'Ikkinchi omil',
  'security.turnOn': 'Ikkinchi omilni yoqish',
  'security.turnOff': 'Ikkinchi omilni oʻchirish',
  'security.recoveryCodes': 'Tiklash kodlari',
  'security.recoveryCodesLeft': '{count, plural, other {# ta tiklash kodi qoldi}}',
} as const satisfies Catalogue;
