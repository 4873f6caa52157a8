import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Приглашение',
  'invitation.accept': 'Принять приглашение',
  'invitation.decline': 'Отклонить приглашение',
  'consent.title': 'Согласие',
  'consent.noticeVersion': 'Версия уведомления {version}',
  'consent.give': 'Я даю согласие',
  'consent.withdraw': 'Отозвать согласие',
} as const satisfies Catalogue;
