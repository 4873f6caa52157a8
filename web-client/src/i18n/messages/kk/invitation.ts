import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Шақыру',
  'invitation.accept': 'Шақыруды қабылдау',
  'invitation.decline': 'Шақырудан бас тарту',
  'consent.title': 'Келісім',
  'consent.noticeVersion': 'Хабарлама нұсқасы: {version}',
  'consent.give': 'Келісемін',
  'consent.withdraw': 'Келісімді қайтарып алу',
} as const satisfies Catalogue;
