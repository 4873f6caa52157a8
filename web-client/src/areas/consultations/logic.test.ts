import { beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { consultations as enPart } from '../../i18n/messages/en/consultations';
import { ru } from '../../i18n/messages/ru';
import { consultations as ruPart } from '../../i18n/messages/ru/consultations';
import type { ReadRound } from './api';
import {
  commentActions,
  commentersByCountry,
  countdown,
  matchQuote,
  nextTick,
  participationBars,
  quoteProblem,
  roundActions,
  stageOf,
  type Viewer,
} from './logic';
import { countdownText } from './RoundPage';
import { editionRefs, openBody, openProblems, type OpenForm } from './opening';

const NOW = new Date('2026-12-20T10:00:00Z');
const round: ReadRound = {
  id: 'round-1',
  status: 'OPEN',
  deadline: '2026-12-20T12:00:00Z',
  timeZone: 'Asia/Almaty',
  invitedOrganisations: ['org-kz'],
  invitedPeople: ['p-kg'],
  comments: [
    { id: 'c-1', authorId: 'p-kg', country: 'KG', sectionKey: 'goals', text: 'Mine' },
    { id: 'c-2', authorId: 'p-kz', country: 'KZ', sectionKey: 'goals', text: 'Theirs', resolution: { outcome: 'ACCEPTED' } },
    { id: 'c-3', authorId: 'p-kz', country: 'KZ', sectionKey: 'risks', text: 'Again' },
  ],
};
const closed: ReadRound = { ...round, status: 'CLOSED' };
const viewer = (over: Partial<Viewer>): Viewer => ({ coordinator: false, personId: null, organisationIds: [], zone: 'Asia/Bishkek', ...over });
const member = viewer({ personId: 'p-kg' });
const throughOrganisation = viewer({ personId: 'p-kz', organisationIds: ['org-kz'] });
const outsider = viewer({ personId: 'p-tm' });
const coordinator = viewer({ coordinator: true, personId: 'acct-1' });

describe('what a round offers', () => {
  it('lets invitees (in person or through their organisation) comment while it is open, and nobody after the deadline', () => {
    expect(roundActions(round, member, NOW)).toEqual({ comment: true, reply: true, resolve: false });
    expect(roundActions(round, throughOrganisation, NOW).comment).toBe(true);
    expect(roundActions(round, outsider, NOW)).toEqual({ comment: false, reply: false, resolve: false });
    // a coordinator who is not invited may reply and resolve, not comment
    expect(roundActions(round, coordinator, NOW)).toEqual({ comment: false, reply: true, resolve: true });
    // past the deadline, before the clock has recorded the closing: nothing but resolving
    const late = new Date('2026-12-20T12:00:00Z');
    expect(roundActions(round, member, late)).toEqual({ comment: false, reply: false, resolve: false });
    expect(roundActions(closed, coordinator, NOW)).toEqual({ comment: false, reply: false, resolve: true });
  });

  it('offers change and withdrawal of one\'s own unresolved comment while open; resolving an unresolved one to coordinators', () => {
    const [mine, resolved, theirs] = round.comments ?? [];
    expect(commentActions(mine!, round, member, NOW)).toEqual({ edit: true, withdraw: true, reply: true, resolve: false });
    expect(commentActions(theirs!, round, member, NOW)).toEqual({ edit: false, withdraw: false, reply: true, resolve: false });
    expect(commentActions(resolved!, round, throughOrganisation, NOW)).toEqual({ edit: false, withdraw: false, reply: true, resolve: false });
    expect(commentActions(mine!, closed, member, NOW)).toEqual({ edit: false, withdraw: false, reply: false, resolve: false });
    expect(commentActions(mine!, closed, coordinator, NOW).resolve).toBe(true);
    expect(commentActions(resolved!, round, coordinator, NOW).resolve).toBe(false);
  });
});

describe('quotes', () => {
  const section = 'Open budgets for IFI projects\nSafe participation of CSOs';

  it('takes words of the section as the section writes them, whatever the spacing, line breaks or case typed', () => {
    expect(matchQuote(section, 'Open budgets')).toBe('Open budgets');
    expect(matchQuote(section, '  open   BUDGETS ')).toBe('Open budgets');
    expect(matchQuote(section, 'projects Safe')).toBe('projects\nSafe');
    expect(matchQuote(section, 'I.F.I')).toBeNull(); // no pattern injection: the dots are dots
    expect(matchQuote(section, 'closed budgets')).toBeNull();
    expect(matchQuote(section, '   ')).toBeNull();
  });

  it('says what is wrong with a quote, and nothing for none', () => {
    expect(quoteProblem(section, '')).toBeNull();
    expect(quoteProblem(section, 'Safe participation')).toBeNull();
    expect(quoteProblem(section, 'Unsafe')).toBe('notInSection');
    expect(quoteProblem('a '.repeat(700), 'a '.repeat(600))).toBe('tooLong');
  });
});

describe('the countdown', () => {
  beforeEach(() => {
    translator.value = new Translator('en', { en: { ...en, ...enPart } });
  });

  it('counts whole minutes, rounded up, and is closed from the deadline on', () => {
    const deadline = new Date('2026-12-22T13:05:30Z');
    expect(countdown(deadline, NOW)).toEqual({ closed: false, days: 2, hours: 3, minutes: 6 });
    expect(countdown(new Date(NOW.getTime() + 59_000), NOW)).toEqual({ closed: false, days: 0, hours: 0, minutes: 1 });
    expect(countdown(NOW, NOW)).toEqual({ closed: true });
  });

  it('says it in words, in English and in Russian with its plurals', () => {
    expect(countdownText(new Date('2026-12-22T13:05:30Z'), NOW)).toBe('Closes in 2 days 3 hours 6 minutes');
    expect(countdownText(new Date('2026-12-20T10:01:00Z'), NOW)).toBe('Closes in 1 minute');
    translator.value = new Translator('ru', { en: { ...en, ...enPart }, ru: { ...ru, ...ruPart } });
    expect(countdownText(new Date('2026-12-21T12:05:00Z'), NOW)).toBe('Закроется через 1 день 2 часа 5 минут');
    expect(countdownText(NOW, NOW)).toBe('Консультация закрыта.');
  });

  it('ticks on each whole minute before the deadline, the last tick at the deadline itself', () => {
    expect(nextTick(new Date(NOW.getTime() + 150_000), NOW)).toBe(30_000);
    expect(nextTick(new Date(NOW.getTime() + 120_000), NOW)).toBe(60_000);
    expect(nextTick(NOW, NOW)).toBeNull();
  });

  it('changes stage (what is announced) only a few times, not every minute', () => {
    const at = (ms: number) => stageOf(new Date(NOW.getTime() + ms), NOW);
    expect(at(2 * 86_400_000)).toBe('days');
    expect(at(5 * 3_600_000)).toBe('hours');
    expect(at(59 * 60_000)).toBe('lastHour');
    expect(at(9 * 60_000)).toBe('lastTenMinutes');
    expect(at(8 * 60_000)).toBe('lastTenMinutes');
    expect(at(30_000)).toBe('lastMinute');
    expect(at(0)).toBe('closed');
  });
});

describe('participation', () => {
  it('draws organisations and experts against 20–30 and countries against 4', () => {
    const bars = participationBars({ people: 5, organisations: 3, organisationsAndExperts: 4, countries: 4, byCountry: ['KG', 'KZ', 'TJ', 'UZ'],
      targetMin: 20, targetMax: 30, targetCountries: 4, targetMet: false });
    expect(bars).toEqual([
      { key: 'organisations', value: 4, target: 20, max: 30, percent: 13.3, targetPercent: 66.7, met: false },
      { key: 'countries', value: 4, target: 4, max: 4, percent: 100, targetPercent: 100, met: true },
    ]);
    // more than the plan's maximum: the scale grows, the bar never overflows
    expect(participationBars({ organisationsAndExperts: 45 })[0]).toMatchObject({ percent: 100, targetPercent: 44.4, met: true });
    // an empty answer is nothing taken part yet
    expect(participationBars({}).map((bar) => bar.value)).toEqual([0, 0]);
  });

  it('counts each commenter once per country, countries without comments at 0', () => {
    expect(commentersByCountry(round, ['KZ', 'TJ'])).toEqual([
      { country: 'KG', people: 1 }, { country: 'KZ', people: 1 }, { country: 'TJ', people: 0 },
    ]);
  });
});

describe('opening a round', () => {
  const form: OpenForm = {
    subjectKind: 'STRATEGY_VERSION', subjectRef: '3', deadline: '2026-12-20T18:00', timeZone: 'Asia/Almaty', organisations: ['org-kz'], people: [],
  };

  it('sends the wall-clock deadline with its zone and the invitees', () => {
    expect(openProblems(form, NOW)).toEqual([]);
    expect(openBody(form)).toEqual({ subjectKind: 'STRATEGY_VERSION', subjectRef: '3', deadline: '2026-12-20T18:00',
      timeZone: 'Asia/Almaty', invitedOrganisations: ['org-kz'], invitedPeople: [] });
  });

  it('asks for a subject, a future deadline in the chosen zone and someone to invite', () => {
    // 15:30 in Almaty (UTC+5) is 10:30 UTC: future; in Tashkent too; 14:59 in Almaty is past
    expect(openProblems({ ...form, deadline: '2026-12-20T14:59' }, NOW)).toEqual(['deadlinePast']);
    expect(openProblems({ ...form, subjectRef: '', deadline: 'soon', organisations: [] }, NOW)).toEqual(['subject', 'deadline', 'invitees']);
  });

  it('lists every published edition, newest first per language', () => {
    expect(editionRefs([{ language: 'ky', lastEdition: 2 }, { language: 'kk' }, { language: 'uz', lastEdition: 1 }])).toEqual(['ky/2', 'ky/1', 'uz/1']);
  });
});
