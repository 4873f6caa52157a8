import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Assignments from './index';
import { account } from '../../api/auth';
import { routeArgs } from '../../app/router';
import { loadParts, switchLanguage } from '../../i18n/i18n';
import type { Assignment, AssignmentStatus, Finding, FindingStatus } from './api';

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A fake gateway answering by method and path (404 otherwise), recording every call. */
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

const paged = <T,>(content: readonly T[]) => ({ content, page: { number: 0, size: 20, totalElements: content.length, totalPages: content.length ? 1 : 0 } });

const assignment = (status: AssignmentStatus, dueDate = '2030-01-10'): Assignment => ({
  id: 'a-1', expertId: 'p-expert', country: 'KZ', institutionId: 'wb', strand: 'STANDARDS_AND_RULES', dueDate, status,
  updatedAt: `2026-12-01T00:00:00Z-${status}`,
});
const finding = (status: FindingStatus, comments: Finding['comments'] = []): Finding => ({
  id: 'f-1', assignmentId: 'a-1', status, country: 'KZ', institutionId: 'wb', strand: 'STANDARDS_AND_RULES',
  versions: [{ version: 1, submittedAt: '2026-12-01T10:00:00Z', content: {
    statement: 'The ESF requires a stakeholder engagement plan.', confidence: 'high', standardIds: [],
    evidence: [{ document: 'ESS10 Stakeholder Engagement', link: 'https://www.worldbank.org/ess10', accessedOn: '2026-11-01', quote: 'The Borrower will engage' }],
  } }],
  comments,
});

function research(a: Assignment, f: Finding | null, submitted: readonly Assignment[] = []) {
  return gateway((method, path) => {
    if (path.startsWith('/api/research/institutions')) return paged([{ id: 'wb', name: 'World Bank Group', kind: 'ifi' }]);
    if (path.startsWith('/api/membership/people?')) return paged([{ id: 'p-expert', displayName: 'Aigul S.', country: 'KZ', status: 'ACTIVE' }]);
    if (path === '/api/research/countries') return { countries: [{ code: 'KZ', name: 'Kazakhstan' }] };
    if (method === 'GET' && path.startsWith('/api/research/assignments?')) return paged(path.includes('status=SUBMITTED') ? submitted : [a]);
    if (method === 'GET' && path === '/api/research/assignments/a-1') return a;
    if (method === 'GET' && path === '/api/research/assignments/a-1/findings') return { assignmentId: 'a-1', findings: f ? [f] : [] };
    if (method === 'PUT' && path === '/api/research/findings/f-1') return { ...f, status: 'SUBMITTED' };
    if (method === 'POST' && path === '/api/research/findings/f-1/return') return { ...f, status: 'RETURNED' };
    if (method === 'POST' && path.startsWith('/api/research/assignments/a-1/')) return a;
    return undefined;
  });
}

beforeEach(async () => {
  document.cookie = 'XSRF-TOKEN=csrf-1';
  await switchLanguage('en');
  await loadParts(['assignments']);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the expert', () => {
  it('sees their assignments with the due date, overdue said in words', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-expert' };
    routeArgs.value = [];
    research(assignment('IN_PROGRESS', '2020-01-10'), null);
    render(<Assignments />);
    await waitFor(() => expect(document.querySelector('table#assignments-list')).toBeTruthy());
    const table = document.getElementById('assignments-list')!;
    expect(screen.getByRole('heading', { level: 1, name: 'My assignments' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'World Bank Group' }).getAttribute('href')).toBe('#/assignments/a-1');
    expect(table.textContent).toMatch(/Overdue by [\d,]+ days/);
    expect(table.textContent).toContain('In progress');
    expect(screen.queryByRole('button', { name: 'New assignment' })).toBeNull();
  });

  it('reads the coordinator\'s comment on a returned finding, corrects it and resubmits', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-expert' };
    routeArgs.value = ['a-1'];
    const calls = research(assignment('IN_PROGRESS'), finding('RETURNED', [{ version: 1, text: 'Which page?', at: '2026-12-02T09:00:00Z' }]));
    render(<Assignments />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Correct the finding' })).toBeTruthy());
    const list = document.getElementById('findings-list')!;
    expect(list.textContent).toContain('returned for revision — see the comment');
    expect(within(list).getByText('Which page?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Return for revision' })).toBeNull();
    const statement = screen.getByLabelText('Statement', { selector: 'textarea' }) as HTMLTextAreaElement;
    expect(statement.value).toBe('The ESF requires a stakeholder engagement plan.');
    fireEvent.input(statement, { target: { value: 'The ESF requires a plan (ESS10, para 4).' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a citation' }));
    expect(screen.getAllByRole('group', { name: /^Citation \d$/ })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove citation 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/a-1/submit'))).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/research/findings/f-1');
    expect(put.body).toMatchObject({ statement: 'The ESF requires a plan (ESS10, para 4).',
      evidence: [{ document: 'ESS10 Stakeholder Engagement', link: 'https://www.worldbank.org/ess10', accessedOn: '2026-11-01' }] });
    expect(calls.findIndex((c) => c.method === 'PUT')).toBeLessThan(calls.findIndex((c) => c.path.endsWith('/a-1/submit')));
  });
});

describe('the coordinator\'s list', () => {
  it('shows every assignment with its expert, offers a new assignment and the review queue', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coord' };
    routeArgs.value = [];
    research(assignment('SUBMITTED', '2020-01-10'), null);
    render(<Assignments />);
    await waitFor(() => expect(document.querySelector('table#assignments-list')).toBeTruthy());
    const table = document.getElementById('assignments-list')!;
    expect(within(table).getByRole('columnheader', { name: 'Expert' })).toBeTruthy();
    expect(table.textContent).toContain('Aigul S.');
    expect(table.textContent).toContain('Submitted for review');
    expect(table.textContent).not.toContain('Overdue');
    expect(screen.getByRole('button', { name: 'New assignment' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('link', { name: 'Review queue' }).getAttribute('href')).toBe('#/assignments/review');
    fireEvent.click(screen.getByRole('button', { name: 'New assignment' }));
    await waitFor(() => expect(document.getElementById('assignment-form')).toBeTruthy());
    const expert = await screen.findByLabelText('Expert') as HTMLSelectElement;
    await waitFor(() => expect([...expert.options].map((o) => o.text)).toContain('Aigul S. (Kazakhstan)'));
  });
});

describe('the coordinator\'s review queue, in Russian', () => {
  it('shows each submitted finding with its citations and returns one with a required comment in one call', async () => {
    await switchLanguage('ru');
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coord' };
    routeArgs.value = ['review'];
    const calls = research(assignment('SUBMITTED'), finding('SUBMITTED'), [assignment('SUBMITTED')]);
    render(<Assignments />);
    await waitFor(() => expect(document.querySelector('ul#review-queue')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 1, name: 'Выводы, ожидающие проверки' })).toBeTruthy();
    const queue = document.getElementById('review-queue')!;
    expect(queue.textContent).toContain('The ESF requires a stakeholder engagement plan.');
    expect(within(queue).getByRole('link', { name: 'https://www.worldbank.org/ess10' })).toBeTruthy();
    expect(queue.textContent).toContain('The Borrower will engage');
    expect(queue.textContent).toContain('автор: Aigul S.');
    expect(within(queue).getByRole('button', { name: /^Принять задание и его вывод/ })).toBeTruthy();

    fireEvent.click(within(queue).getByRole('button', { name: 'Вернуть на доработку' }));
    expect(await within(queue).findByText('Напишите, что эксперту нужно исправить.')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/return'))).toBe(false);
    fireEvent.input(within(queue).getByLabelText('Комментарий эксперту к выводу 1'), { target: { value: 'Укажите страницу.' } });
    fireEvent.click(within(queue).getByRole('button', { name: 'Вернуть на доработку' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/research/findings/f-1/return')).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/return'))!.body).toEqual({ comment: 'Укажите страницу.' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Вывод 1 возвращён с вашим комментарием; эксперт получит уведомление.'));
  });
});
