import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Даъватнома',
  'invitation.accept': 'Қабул кардани даъват',
  'invitation.decline': 'Рад кардани даъват',
  'consent.title': 'Розигӣ',
  'consent.noticeVersion': 'Версияи огоҳинома: {version}',
  'consent.give': 'Ман розӣ ҳастам',
  'consent.withdraw': 'Бозхонди розигӣ',
} as const satisfies Catalogue;
