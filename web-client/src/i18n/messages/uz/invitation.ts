import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Taklifnoma',
  'invitation.accept': 'Taklifni qabul qilish',
  'invitation.decline': 'Taklifni rad etish',
  'consent.title': 'Rozilik',
  'consent.noticeVersion': 'Bildirishnoma versiyasi: {version}',
  'consent.give': 'Roziman',
  'consent.withdraw': 'Rozilikni qaytarib olish',
} as const satisfies Catalogue;
