import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Чакыруу',
  'invitation.accept': 'Чакырууну кабыл алуу',
  'invitation.decline': 'Чакыруудан баш тартуу',
  'consent.title': 'Макулдук',
  'consent.noticeVersion': 'Билдирменин версиясы: {version}',
  'consent.give': 'Макулмун',
  'consent.withdraw': 'Макулдукту кайтарып алуу',
} as const satisfies Catalogue;
