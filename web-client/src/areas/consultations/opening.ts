// Opening a round (a coordinator's form, loaded only when asked for): what the form lacks before it is worth
// sending, and the body of POST /consultations.
import { instantOf } from '../meetings/logic';
import type { OpenBody, SubjectKind } from './api';

export interface OpenForm {
  readonly subjectKind: SubjectKind;
  /** a draft's number, or lang/number of an edition */
  readonly subjectRef: string;
  readonly deadline: string;
  readonly timeZone: string;
  readonly organisations: readonly string[];
  readonly people: readonly string[];
}

export type OpenProblem = 'subject' | 'deadline' | 'deadlinePast' | 'invitees';

export function openProblems(form: OpenForm, now: Date): OpenProblem[] {
  const problems: OpenProblem[] = [];
  if (!form.subjectRef) problems.push('subject');
  const deadline = instantOf(form.deadline, form.timeZone);
  if (deadline === null) problems.push('deadline');
  else if (deadline.getTime() <= now.getTime()) problems.push('deadlinePast');
  if (form.organisations.length === 0 && form.people.length === 0) problems.push('invitees');
  return problems;
}

/** The body of POST /consultations: the wall-clock deadline as typed with its IANA zone (the service stores the instant). */
export function openBody(form: OpenForm): OpenBody {
  return {
    subjectKind: form.subjectKind,
    subjectRef: form.subjectRef,
    deadline: form.deadline.trim().substring(0, 16),
    timeZone: form.timeZone,
    invitedOrganisations: [...form.organisations],
    invitedPeople: [...form.people],
  };
}

/** Editions that can be consulted on: every published edition of every language ("ky/2"), newest first per language. */
export function editionRefs(languages: readonly { readonly language?: string; readonly lastEdition?: number }[]): string[] {
  return languages.flatMap(({ language, lastEdition }) => {
    if (!language || !lastEdition) return [];
    return Array.from({ length: lastEdition }, (_, i) => `${language}/${lastEdition - i}`);
  });
}

