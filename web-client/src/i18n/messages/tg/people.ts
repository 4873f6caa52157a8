import type { Catalogue } from '../en';

export const people = {
  'people.count': '{count, plural, other {# нафар}}',
  'people.register': 'Ба қайд гирифтани шахс',
  'people.invite': 'Даъват кардан',
  'people.search': 'Ҷустуҷӯ аз рӯи ном',
  'organisations.count': '{count, plural, other {# ташкилот}}',
} as const satisfies Catalogue;
