import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Consultations from './index';
import { account } from '../../api/auth';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { consultations as enPart } from '../../i18n/messages/en/consultations';
import { consultations as ruPart } from '../../i18n/messages/ru/consultations';
import type { Round } from './api';

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A fake gateway: answers by method and path (404 for anything else) and records every call. */
function gateway(route: (method: string, path: string, body: unknown) => unknown) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const answer = route(method, path, body);
    if (answer === undefined) return new Response('{"status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

const paged = <T,>(content: readonly T[]) => ({ content, page: { number: 0, size: 100, totalElements: content.length, totalPages: 1 } });

const GOALS = 'Open budgets for IFI projects\nSafe participation of CSOs';
const open: Round = {
  id: 'round-1',
  subjectKind: 'STRATEGY_VERSION',
  subjectRef: '3',
  status: 'OPEN',
  deadline: '2099-12-20T13:00:00Z',
  deadlineLocal: '2099-12-20T18:00:00',
  timeZone: 'Asia/Almaty',
  sections: ['context', 'goals'],
  texts: [{ key: 'context', text: 'Civic space in Central Asia.' }, { key: 'goals', text: GOALS }],
  invitedOrganisations: ['org-kz'],
  invitedPeople: ['p-kg'],
  comments: [
    { id: 'c-mine', authorId: 'p-kg', country: 'KG', sectionKey: 'goals', quote: 'Open budgets', text: 'Add the EBRD.', at: '2099-12-01T10:00:00Z' },
    {
      id: 'c-declined', authorId: 'p-kz', country: 'KZ', sectionKey: 'goals', text: 'Drop the second goal.', at: '2099-12-01T11:00:00Z',
      resolution: { outcome: 'DECLINED', reason: 'Safety comes first.', by: 'acct-1', at: '2099-12-02T11:00:00Z' },
      replies: [{ id: 'r-1', authorId: 'p-kg', text: 'I disagree.', at: '2099-12-01T12:00:00Z' }],
    },
  ],
};
const participation = { people: 2, organisations: 1, organisationsAndExperts: 2, countries: 2, byCountry: ['KG', 'KZ'], targetMin: 20, targetMax: 30, targetCountries: 4, targetMet: false };
const people = [{ id: 'p-kg', displayName: 'Aida' }, { id: 'p-kz', displayName: 'Dana' }];

function service(round: Round, over: Partial<typeof participation> = {}) {
  return gateway((method, path) => {
    if (path === '/api/membership/people/me') return { id: 'p-kg', timeZone: 'Asia/Bishkek', affiliations: [] };
    if (path.startsWith('/api/membership/people?')) return paged(people);
    if (path === '/api/strategy/consultations') return method === 'GET' ? [round] : { ...round, id: 'round-new' };
    if (path === '/api/strategy/consultations/round-1') return round;
    if (path === '/api/strategy/consultations/round-1/participation') return { ...participation, ...over };
    if (method === 'POST' && path.startsWith('/api/strategy/consultations/round-1/comments')) return { id: 'c-new' };
    if (path === '/api/strategy/versions') return [{ version: 2, status: 'ADOPTED' }, { version: 3, status: 'DRAFT' }];
    if (path.startsWith('/api/membership/organisations?')) return paged([{ id: 'org-kz', name: 'Kazakh CSO', country: 'KZ' }]);
    return undefined;
  });
}

beforeEach(() => {
  translator.value = new Translator('en', { en: { ...en, ...enPart } });
  document.cookie = 'XSRF-TOKEN=csrf-1';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a round, as an invited member sees it', () => {
  it('shows the text by section, the countdown, comments with quotes and a declined reason, and offers only what the member may do', async () => {
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-kg' };
    routeArgs.value = ['round-1'];
    service(open);
    render(<Consultations />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Strategy, version 3' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Goals' })).toBeTruthy();
    expect(document.getElementById('section-goals-text')?.textContent).toBe(GOALS);
    expect(document.getElementById('round-countdown')?.textContent).toMatch(/^Closes in [\d,]+ days/);
    const mine = document.getElementById('comment-c-mine')!;
    expect(within(mine).getByText('Open budgets')).toBeTruthy();
    expect(within(mine).getByText('You')).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'Change' })).toBeTruthy();
    expect(within(mine).getByRole('button', { name: 'Withdraw' })).toBeTruthy();
    expect(within(mine).queryByRole('button', { name: 'Resolve' })).toBeNull();
    const declined = document.getElementById('comment-c-declined')!;
    expect(document.getElementById('resolution-c-declined')?.textContent).toBe('Declined. Reason: Safety comes first.');
    expect(await within(declined).findByText('Dana')).toBeTruthy();
    expect(within(declined).queryByRole('button', { name: 'Change' })).toBeNull();
    expect(within(declined).getByRole('button', { name: 'Reply' })).toBeTruthy();
    // participation: the bars' numbers as a table
    await waitFor(() => expect(document.getElementById('participation-countries')).toBeTruthy());
    expect(document.getElementById('participation-value-organisations')?.textContent).toBe('2');
  });

  it('fills the quote from words selected in a section, refuses typed words that are not the section\'s, and sends the section\'s own passage', async () => {
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-kg' };
    routeArgs.value = ['round-1'];
    const calls = service(open);
    render(<Consultations />);
    await screen.findByRole('heading', { level: 1, name: 'Strategy, version 3' });

    // a selection (mouse, touch or caret browsing) inside the goals' text
    const text = document.getElementById('section-goals-text')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'Open budgets'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    const quote = screen.getByLabelText('Quoted words (optional)') as HTMLInputElement;
    // (the form listens from its first effect on: announced again until it has)
    await waitFor(() => {
      document.dispatchEvent(new Event('selectionchange'));
      expect(quote.value).toBe('Open budgets');
    });
    expect((screen.getByLabelText('Section') as HTMLSelectElement).value).toBe('goals');

    // typed by keyboard: words that are not in the section are refused next to the field
    fireEvent.input(quote, { target: { value: 'closed budgets' } });
    fireEvent.input(screen.getByLabelText('Comment'), { target: { value: 'Say which budgets.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the comment' }));
    expect(await screen.findByText(/These words are not in the chosen section/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // any spacing or case: what is sent is the section's own passage
    fireEvent.input(quote, { target: { value: 'projects   safe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the comment' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      sectionKey: 'goals', quote: 'projects\nSafe', text: 'Say which budgets.',
    }));
    expect(await screen.findByText('Your comment was added.')).toBeTruthy();
  });
});

describe('a closed round, in Russian', () => {
  it('replaces the comment box by a sentence saying why and when it closed, in the reader\'s zone, and shows participation', async () => {
    translator.value = new Translator('ru', { en: { ...en, ...enPart }, ru: { ...ru, ...ruPart } });
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-kg' };
    routeArgs.value = ['round-1'];
    service({ ...open, status: 'CLOSED', deadline: '2020-12-20T13:00:00Z', closedAt: '2020-12-20T13:00:01Z' },
      { countries: 4, byCountry: ['KG', 'KZ', 'TJ', 'UZ'] });
    render(<Consultations />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Стратегия, версия 3' })).toBeTruthy();
    const closed = document.getElementById('comment-closed');
    expect(closed?.textContent).toMatch(/^Комментарии больше не принимаются: консультация завершилась в установленный срок, 20 декабря 2020 .*19:00 \(ваше время, Bishkek\)\.$/);
    expect(document.getElementById('comment-form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Изменить' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ответить' })).toBeNull();
    await waitFor(() => expect(document.getElementById('participation-countries')?.textContent).toContain('Таджикистан'));
    const row = screen.getByRole('row', { name: /^Страны/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['4', '4', 'Да']);
  });
});

describe('a coordinator', () => {
  it('resolves a comment: declining asks for the reason the author will read, and sends it', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'acct-1' };
    routeArgs.value = ['round-1'];
    const calls = service(open);
    render(<Consultations />);
    await screen.findByRole('heading', { level: 1, name: 'Strategy, version 3' });
    // the coordinator is not invited: no comment box, a sentence instead; resolve only the unresolved comment
    expect(document.getElementById('comment-form')).toBeNull();
    expect(document.getElementById('comment-not-invited')).toBeTruthy();
    expect(within(document.getElementById('comment-c-declined')!).queryByRole('button', { name: 'Resolve' })).toBeNull();
    fireEvent.click(within(document.getElementById('comment-c-mine')!).getByRole('button', { name: 'Resolve' }));
    fireEvent.click(screen.getByLabelText('Decline with a reason'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the resolution' }));
    expect(await screen.findByText('Declining a comment needs a reason.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Reason (the author will read it)'), { target: { value: 'Out of scope.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the resolution' }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/resolution'))?.body).toEqual({ outcome: 'DECLINED', reason: 'Out of scope.' }));
  });

  it('opens a round on a draft with a deadline in a Central Asian zone and invited organisations', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'acct-1' };
    routeArgs.value = [];
    const calls = service(open);
    render(<Consultations />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open a round' }));
    const subject = await screen.findByLabelText('Version or edition') as HTMLSelectElement;
    await waitFor(() => expect([...subject.options].map((o) => o.textContent)).toEqual(['Choose…', 'Version 3 (draft)']));
    const zones = [...(screen.getByLabelText('Time zone of the deadline') as HTMLSelectElement).options].map((o) => o.value);
    expect(zones.slice(0, 5)).toEqual(['Asia/Almaty', 'Asia/Bishkek', 'Asia/Dushanbe', 'Asia/Ashgabat', 'Asia/Tashkent']);
    fireEvent.click(screen.getByRole('button', { name: 'Open the round' }));
    expect(await screen.findByText('Invite at least one organisation or person.')).toBeTruthy();
    fireEvent.change(subject, { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Deadline'), { target: { value: '2099-12-20T18:00' } });
    fireEvent.change(screen.getByLabelText('Time zone of the deadline'), { target: { value: 'Asia/Tashkent' } });
    fireEvent.click(await screen.findByLabelText('Kazakh CSO (Kazakhstan)'));
    fireEvent.click(screen.getByRole('button', { name: 'Open the round' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      subjectKind: 'STRATEGY_VERSION', subjectRef: '3', deadline: '2099-12-20T18:00', timeZone: 'Asia/Tashkent',
      invitedOrganisations: ['org-kz'], invitedPeople: [],
    }));
    await waitFor(() => expect(window.location.hash).toBe('#/consultations/round-new'));
  });
});
