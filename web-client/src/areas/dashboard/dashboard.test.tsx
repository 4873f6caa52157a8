import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen, within } from '@testing-library/preact';
import Dashboard from './index';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { fakeGateway, paged } from '../people/fakeGateway';
import { PROGRESS } from './progress.fixture';

function gateway() {
  return fakeGateway({
    'GET /api/membership/progress': { body: PROGRESS },
    'GET /api/membership/people': (call) => {
      const status = call.query.get('status');
      if (status === 'ACCEPTED') return { body: paged([{ id: 'p-1', displayName: 'Aigul', status: 'ACCEPTED' }], 12, 0, 10) };
      if (status === 'INVITED') {
        return { body: paged([{ id: 'p-2', displayName: 'Timur', status: 'INVITED', invitation: { invitationId: 'i', invitedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-15T10:00:00Z' } }]) };
      }
      return { body: paged([]) };
    },
    'GET /api/membership/meetings': {
      body: paged([{
        id: 'm-1', title: 'Expert meeting', kind: 'EXPERT_MEETING', startsAt: '2026-12-20T09:00:00Z',
        local: { dateTime: '2026-12-20T15:00:00', timeZone: 'Asia/Bishkek' }, status: 'SCHEDULED',
        invitations: { invited: 5, yes: 2, no: 0, maybe: 1, unanswered: 2 },
      }]),
    },
  });
}

// rendered screens on a machine shared by several builds: more time than the default 5 s
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  translator.value = new Translator('en', { en });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the coordinator\'s dashboard', () => {
  it('gives each chart a table with the same numbers, the target and where it stands in words', async () => {
    gateway();
    render(<Dashboard />);
    const table = await screen.findByRole('table', { name: 'Active experts per country (target 1–3 each)' });
    const rows = within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['What', 'Now', 'Target', 'Against the target']);
    expect(rows[1]).toEqual(['Kazakhstan', '2', '1–3', 'Within the target']);
    expect(rows[2]).toEqual(['Kyrgyzstan', '0', '1–3', 'Below the target']);
    expect(rows[5]).toEqual(['Uzbekistan', '4', '1–3', 'Above the target']);
    expect(screen.getAllByRole('table')).toHaveLength(5);
    const discussion = screen.getByRole('table', { name: 'Countries at the discussions (target at least 4)' });
    expect(discussion.textContent).toContain('at least 4');
    // the bars are for the eye; the table says it for screen readers
    expect(document.querySelector('#experts-total .bars')!.getAttribute('aria-hidden')).toBe('true');
    expect(document.querySelectorAll('#experts-per-country svg.bar')).toHaveLength(5);
  });

  it('lists what waits, open invitations and upcoming meetings with links', async () => {
    const fake = gateway();
    render(<Dashboard />);
    const accepted = await screen.findByRole('link', { name: 'Aigul' });
    expect(accepted.getAttribute('href')).toBe('#/people/p-1');
    expect(screen.getByRole('link', { name: 'and 11 more in the list of people' }).getAttribute('href')).toBe('#/people/status/ACCEPTED');
    expect(screen.getByText('Everyone registered has been invited.')).toBeTruthy();
    expect(screen.getByText(/3 open invitations/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '1 organisation invited' }).getAttribute('href')).toBe('#/organisations/status/INVITED');
    expect((await screen.findByRole('link', { name: 'Timur' })).parentElement!.textContent).toContain('expires');
    expect((await screen.findByRole('link', { name: 'Expert meeting' })).getAttribute('href')).toBe('#/meetings/m-1');
    expect(screen.getByText('5 invited: 2 yes, 2 not answered')).toBeTruthy();
    const meetings = fake.called('GET', '/api/membership/meetings')[0]!.query;
    expect(meetings.get('status')).toBe('SCHEDULED');
    expect(meetings.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('speaks Russian', async () => {
    translator.value = new Translator('ru', { ru, en });
    gateway();
    render(<Dashboard />);
    const table = await screen.findByRole('table', { name: 'Активные эксперты по странам (цель: 1–3 в каждой)' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('В пределах цели');
    expect(screen.getByRole('heading', { level: 2, name: 'Ждёт вашего решения' })).toBeTruthy();
    expect(await screen.findByText('Никто не ждёт приглашения.')).toBeTruthy();
  });
});
