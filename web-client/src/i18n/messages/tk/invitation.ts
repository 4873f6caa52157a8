import type { Catalogue } from '../en';

export const invitation = {
  'invitation.title': 'Çakylyk',
  'invitation.accept': 'Çakylygy kabul etmek',
  'invitation.decline': 'Çakylykdan ýüz öwürmek',
  'consent.title': 'Razylyk',
  'consent.noticeVersion': 'Habarnamanyň wersiýasy: {version}',
  'consent.give': 'Men razy',
  'consent.withdraw': 'Razylygy yzyna almak',
} as const satisfies Catalogue;
