// Words the round's screens share: the subject's name, a section's heading, an author's name, a country's name.
import { t, translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import type { Round } from './api';

/** "Strategy, version 3" or "Guide, Kyrgyz edition 1". */
export function subjectName(round: Round): string {
  const ref = round.subjectRef ?? '';
  if (round.subjectKind === 'GUIDE_EDITION') {
    const [lang = '', number = ''] = ref.split('/');
    return t('consultations.subject.guide', { language: languageName(lang), number });
  }
  return t('consultations.subject.strategy', { number: ref });
}

const STRATEGY_SECTIONS = ['context', 'goals', 'targetInstitutions', 'objectives', 'actions', 'indicators', 'risks', 'evidence'];

/** The strategy's sections by name; a guide section by its title (the first line of its consulted text). */
export function sectionHeading(round: Round, key: string, text: string): string {
  if (round.subjectKind !== 'GUIDE_EDITION' && STRATEGY_SECTIONS.includes(key)) {
    return t(`consultations.section.${key}` as MessageKey);
  }
  const title = text.split('\n')[0]?.trim();
  return title || key;
}

function displayName(code: string, type: 'region' | 'language'): string {
  try {
    return new Intl.DisplayNames([translator.value.language, 'en'], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const countryName = (code: string) => displayName(code, 'region');
export const languageName = (code: string) => displayName(code, 'language');

/** Who wrote a comment or reply: "you", a name where the people list has it, else a neutral word. */
export function authorName(authorId: string | undefined, me: string | null, names: ReadonlyMap<string, string>): string {
  if (authorId === undefined) return t('consultations.participant');
  if (authorId === me) return t('consultations.you');
  if (authorId.startsWith('erased-')) return t('consultations.erased');
  // the bootstrap coordinator's account is no person (an acct-… id)
  if (authorId.startsWith('acct-')) return t('consultations.coordinatorAccount');
  return names.get(authorId) ?? t('consultations.participant');
}
