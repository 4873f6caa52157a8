import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Meetings from './index';
import { account } from '../../api/auth';
import { routeArgs } from '../../app/router';
import { switchLanguage, translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { viewerZone, zoneCity } from '../../dates/zones';
import type { Meeting } from './api';

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

type Route = (method: string, path: string, body: unknown) => unknown;

/** A fake gateway: answers by method and path, 404 for anything it does not know, and records every call. */
function gateway(route: Route) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const answer = route(method, path, body);
    if (answer === undefined) return new Response('{"status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

function paged<T>(content: readonly T[]) {
  return { content, page: { number: 0, size: 20, totalElements: content.length, totalPages: content.length ? 1 : 0 } };
}

const future: Meeting = {
  id: 'm-future',
  title: 'Expert meeting on FATF',
  purpose: 'Plan the research',
  kind: 'EXPERT_MEETING',
  agenda: ['Welcome', 'Findings'],
  startsAt: '2030-05-12T09:00:00Z',
  endsAt: '2030-05-12T10:30:00Z',
  durationMinutes: 90,
  local: { dateTime: '2030-05-12T15:00:00', timeZone: 'Asia/Bishkek' },
  status: 'SCHEDULED',
  invitations: { invited: 2, yes: 1, no: 0, maybe: 1, unanswered: 0 },
};

const invitees = [
  { personId: 'p-aida', invitedAt: '2020-01-01T00:00:00Z', response: 'MAYBE' as const },
  { personId: 'p-bakyt', invitedAt: '2020-01-01T00:00:00Z', response: 'YES' as const },
];

const past: Meeting = {
  ...future,
  id: 'm-past',
  title: 'Discussion with organisations',
  kind: 'DISCUSSION',
  startsAt: '2020-03-02T06:00:00Z',
  endsAt: '2020-03-02T07:30:00Z',
  local: { dateTime: '2020-03-02T12:00:00', timeZone: 'Asia/Bishkek' },
};

const people = [
  { id: 'p-aida', displayName: 'Aida', status: 'ACTIVE' },
  { id: 'p-bakyt', displayName: 'Bakyt', status: 'ACTIVE' },
  { id: 'p-cholpon', displayName: 'Cholpon', status: 'ACTIVE' },
];

/** The service as each role sees it: the full read for coordinators and invitees, the summary otherwise. */
function service(options: { me?: unknown; full: boolean; meeting?: Meeting }) {
  const meeting = options.meeting ?? future;
  return gateway((method, path) => {
    if (path === '/api/membership/people/me') return options.me;
    if (method === 'GET' && path.startsWith('/api/membership/meetings?')) {
      return path.includes('from=') ? paged([future]) : paged([past]);
    }
    if (path === `/api/membership/meetings/${meeting.id}`) return options.full ? { ...meeting, invitees } : meeting;
    if (method !== 'GET' && path.startsWith('/api/membership/meetings/')) {
      if (path.endsWith('/invitations')) return { meetingId: meeting.id, invited: ['p-cholpon'], alreadyInvited: [], invitees: 3 };
      return { ...meeting, invitees };
    }
    if (method === 'POST' && path === '/api/membership/meetings') return { ...future, id: 'm-new' };
    if (path.startsWith('/api/membership/people?')) return paged(people);
    if (path === '/api/membership/countries') return [{ code: 'KG', name: 'Kyrgyzstan', centralAsia: true }, { code: 'KZ', name: 'Kazakhstan', centralAsia: true }];
    if (path.startsWith('/api/research/institutions')) return paged([{ id: 'wb', name: 'World Bank', kind: 'ifi' }, { id: 'ebrd', name: 'EBRD', kind: 'ifi' }]);
    return undefined;
  });
}

beforeEach(() => {
  translator.value = new Translator('en', { en });
  document.cookie = 'XSRF-TOKEN=csrf-1';
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the meetings list', () => {
  it('shows an expert upcoming and past meetings in their own zone and the meeting\'s, without scheduling', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-aida' };
    routeArgs.value = [];
    service({ me: { id: 'p-aida', timeZone: 'Europe/Berlin' }, full: true });
    render(<Meetings />);
    await waitFor(() => expect(document.getElementById('meetings-upcoming')).toBeTruthy());
    const list = document.getElementById('meetings-upcoming')!;
    expect(within(list).getByRole('link', { name: 'Expert meeting on FATF' }).getAttribute('href')).toBe('#/meetings/m-future');
    // 09:00Z is 11:00 in Berlin (summer time) and 15:00 in Bishkek
    expect(list.textContent).toMatch(/11:00.*\(your time, Berlin\)/);
    expect(list.textContent).toMatch(/(3:00\s?PM|15:00) in Bishkek/);
    const calendar = within(list).getByRole('link', { name: /^Add to calendar \(\.ics\)/ });
    expect(calendar.getAttribute('href')).toBe('/api/membership/meetings/m-future/calendar.ics');
    expect(calendar.hasAttribute('download')).toBe(true);
    // the single read says she is invited, and her answer
    expect(within(list).getByText('You are invited.').parentElement?.textContent).toBe('You are invited. Your answer: Maybe');
    await waitFor(() => expect(within(document.getElementById('meetings-past')!).getByRole('link', { name: 'Discussion with organisations' })).toBeTruthy());
    expect(screen.getByRole('heading', { level: 2, name: 'Upcoming meetings' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Schedule a meeting' })).toBeNull();
  });

  it('lists a meeting whose answer leaves fields out (the service omits nulls) instead of failing', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coordinator' };
    routeArgs.value = [];
    // no zone of its own, no kind, no counts: what is there is shown, the counts read 0
    const sparse: Meeting = { id: 'm-sparse', title: 'Sparse meeting', startsAt: '2030-05-12T09:00:00Z', status: 'SCHEDULED' };
    gateway((method, path) => {
      if (path === '/api/membership/people/me') return undefined;
      if (method === 'GET' && path.startsWith('/api/membership/meetings?')) return path.includes('from=') ? paged([sparse]) : paged([]);
      return undefined;
    });
    render(<Meetings />);
    await waitFor(() => expect(document.getElementById('meetings-upcoming')).toBeTruthy());
    const list = document.getElementById('meetings-upcoming')!;
    expect(within(list).getByRole('link', { name: 'Sparse meeting' }).getAttribute('href')).toBe('#/meetings/m-sparse');
    expect(list.textContent).toContain('0 invited: 0 yes, 0 no, 0 maybe, 0 not answered');
    expect(list.textContent).toContain('Scheduled');
  });

  it('marks no invitation for an expert who is not invited (the single read is the summary)', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-other' };
    routeArgs.value = [];
    const calls = service({ me: { id: 'p-other' }, full: false });
    render(<Meetings />);
    await waitFor(() => expect(document.getElementById('meetings-upcoming')).toBeTruthy());
    expect(calls.some((call) => call.path === '/api/membership/meetings/m-future')).toBe(true);
    expect(screen.queryByText('You are invited.')).toBeNull();
  });

  it('knows the person by the session\'s subject even when GET /people/me is not there', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-aida' };
    routeArgs.value = [];
    service({ full: true });
    render(<Meetings />);
    await waitFor(() => expect(within(document.getElementById('meetings-upcoming')!).getByText('You are invited.')).toBeTruthy());
    expect(document.getElementById('meetings-upcoming')!.textContent).toContain('Your answer: Maybe');
  });

  it('falls back to the browser\'s zone when the person has no record (404)', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = [];
    service({ full: true });
    render(<Meetings />);
    await waitFor(() => expect(document.getElementById('meetings-upcoming')).toBeTruthy());
    const zone = viewerZone();
    const text = document.getElementById('meetings-upcoming')!.textContent ?? '';
    expect(text).toContain(zone === 'Asia/Bishkek' ? '(Bishkek: your time and the meeting’s)' : `(your time, ${zoneCity(zone)})`);
  });

  it('lets a coordinator schedule a meeting at a local time in Tashkent, sent as that wall-clock time and zone', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = [];
    const calls = service({ full: true });
    render(<Meetings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule a meeting' }));
    const form = document.getElementById('meeting-schedule-form')!;
    expect(document.activeElement?.id).toBe('meeting-title');
    fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Regional discussion' } });
    fireEvent.change(within(form).getByLabelText('Kind of meeting'), { target: { value: 'DISCUSSION' } });
    fireEvent.input(within(form).getByLabelText(/^Starts at/), { target: { value: '2020-01-01T10:00' } });
    fireEvent.change(within(form).getByLabelText('Time zone'), { target: { value: 'Asia/Tashkent' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule' }));
    // a time in the past is refused next to the field, and nothing is sent
    expect(await within(form).findByText('Please choose a time in the future.')).toBeTruthy();
    expect(within(form).getByLabelText(/^Starts at/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);

    fireEvent.input(within(form).getByLabelText(/^Starts at/), { target: { value: '2030-06-01T15:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(window.location.hash).toBe('#/meetings/m-new'));
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.path).toBe('/api/membership/meetings');
    expect(post.body).toEqual({
      title: 'Regional discussion',
      kind: 'DISCUSSION',
      localStart: '2030-06-01T15:00',
      timeZone: 'Asia/Tashkent',
      durationMinutes: 90,
    });
    expect(post.headers['X-XSRF-TOKEN']).toBe('csrf-1');
  });
});

describe('someone signed in without a role yet', () => {
  it('is told that meetings come with active membership, not "not allowed"', async () => {
    account.value = { state: 'signedIn', roles: [], subject: 'p-new' };
    routeArgs.value = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).startsWith('/api/membership/meetings')
        ? new Response('{"status":403,"title":"Forbidden"}', { status: 403 })
        : new Response('{"status":404}', { status: 404 }));
    render(<Meetings />);
    await waitFor(() => expect(document.getElementById('meetings-upcoming')?.textContent)
      .toBe('Meetings are shown here once your membership is active.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a meeting\'s page', () => {
  it('lets an invited expert answer before the start, and offers nothing of a coordinator\'s', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-aida' };
    routeArgs.value = ['m-future'];
    const calls = service({ me: { id: 'p-aida', timeZone: 'Asia/Bishkek' }, full: true });
    render(<Meetings />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Expert meeting on FATF' })).toBeTruthy();
    // opened from the list (same area, so the shell does not move focus): its heading has the focus
    expect(document.activeElement?.textContent).toBe('Expert meeting on FATF');
    const group = screen.getByRole('group', { name: 'Will you attend?' });
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual(['Yes', 'No', 'Maybe']);
    expect(within(group).getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Your answer: Maybe')).toBeTruthy();
    expect(document.querySelector('.meeting-details .meeting-when')?.textContent).toMatch(/(3:00\s?PM|15:00) \(Bishkek: your time and the meeting’s\)$/);
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' }).hasAttribute('download')).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Invite people' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record attendance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel meeting' })).toBeNull();

    fireEvent.click(within(group).getByRole('button', { name: 'Yes' }));
    expect(await screen.findByText('Your answer “Yes” was sent.')).toBeTruthy();
    const rsvp = calls.find((call) => call.method === 'POST')!;
    expect(rsvp.path).toBe('/api/membership/meetings/m-future/rsvp');
    expect(rsvp.body).toEqual({ response: 'YES' });
    expect(rsvp.headers['X-XSRF-TOKEN']).toBe('csrf-1');
  });

  it('offers no answer once the meeting has started, nor to someone not invited', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-aida' };
    routeArgs.value = ['m-past'];
    service({ me: { id: 'p-aida' }, full: true, meeting: past });
    render(<Meetings />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Discussion with organisations' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Will you attend?' })).toBeNull();
    cleanup();

    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-other' };
    routeArgs.value = ['m-future'];
    service({ me: { id: 'p-other' }, full: false });
    render(<Meetings />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Expert meeting on FATF' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Will you attend?' })).toBeNull();
  });

  it('lets a coordinator invite by filter before the start, but not record attendance yet', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-future'];
    const calls = service({ full: true });
    render(<Meetings />);
    const form = await screen.findByRole('heading', { name: 'Invite by filter' }).then(() => document.getElementById('invite-filter-form')!);
    expect(screen.queryByRole('button', { name: 'Record attendance' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Will you attend?' })).toBeNull();
    // invitees by name, with their answers
    await waitFor(() => expect(within(document.getElementById('meeting-invitees')!).getByRole('rowheader', { name: 'Aida' })).toBeTruthy());
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Kyrgyzstan' })).toBeTruthy());
    fireEvent.change(within(form).getByLabelText('Country'), { target: { value: 'KG' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Invite everyone who matches' }));
    expect(await screen.findByText('1 person invited; none were invited before.')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.path).toBe('/api/membership/meetings/m-future/invitations');
    expect(post.body).toEqual({ filter: { status: 'ACTIVE', country: 'KG' } });
  });

  it('lets a coordinator pick people from a searchable list (already invited ones cannot be picked again)', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-future'];
    const calls = service({ full: true });
    render(<Meetings />);
    const form = await screen.findByRole('heading', { name: 'Pick people' }).then(() => document.getElementById('invite-pick-form')!);
    await within(form).findByLabelText('Cholpon (Active)');
    expect((within(form).getByLabelText('Aida (already invited)') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Invite the chosen people' }));
    expect(await within(form).findByText('Please choose at least one person.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Search people by name'), { target: { value: 'Cho' } });
    await waitFor(() => expect(calls.some((call) => call.path.includes('q=Cho'))).toBe(true));
    fireEvent.click(await within(form).findByLabelText('Cholpon (Active)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Invite 1 chosen person' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ personIds: ['p-cholpon'] });
  });

  it('lets a coordinator record attendance and a target-institutions decision after the start', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-past'];
    const calls = service({ full: true, meeting: past });
    render(<Meetings />);
    const attendance = await screen.findByRole('heading', { name: 'Attendance' }).then(() => document.getElementById('attendance-form')!);
    expect(screen.queryByRole('heading', { name: 'Invite people' })).toBeNull();
    fireEvent.click(await within(attendance).findByLabelText('Aida'));
    fireEvent.click(within(attendance).getByRole('button', { name: 'Record attendance' }));
    expect(await screen.findByText('Attendance recorded.')).toBeTruthy();
    expect(calls.find((call) => call.path.endsWith('/attendance'))!.body).toEqual({ attendeeIds: ['p-aida'] });

    const decision = document.getElementById('decision-form')!;
    fireEvent.click(within(decision).getByRole('button', { name: 'Record a decision' }));
    expect(await within(decision).findByText('Please choose at least one institution.')).toBeTruthy();
    fireEvent.click(await within(decision).findByLabelText('World Bank'));
    fireEvent.click(within(decision).getByRole('button', { name: 'Record a decision' }));
    expect(await screen.findByText('Decision recorded.')).toBeTruthy();
    const posted = calls.find((call) => call.path.endsWith('/decisions'))!;
    expect(posted.path).toBe('/api/membership/meetings/m-past/decisions');
    expect(posted.body).toEqual({ kind: 'TARGET_INSTITUTIONS', institutionIds: ['wb'] });
  });

  it('says next to the institutions when the service does not know one yet (422), in words', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-past'];
    service({ full: true, meeting: past });
    const answerFrom = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/decisions')
        ? new Response(JSON.stringify({ status: 422, title: 'Unprocessable', errors: [{ field: 'institutionIds', code: 'domain-rule', message: 'not in the research catalogue: wb' }] }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } })
        : answerFrom(input, init));
    render(<Meetings />);
    const decision = await screen.findByRole('heading', { name: 'Decisions' }).then(() => document.getElementById('decision-form')!);
    fireEvent.click(await within(decision).findByLabelText('World Bank'));
    fireEvent.click(within(decision).getByRole('button', { name: 'Record a decision' }));
    const error = await within(decision).findByText(/^One of these institutions is not yet known/);
    expect(document.getElementById('decision-institutions')!.getAttribute('aria-describedby')).toBe(error.id);
    expect(decision.textContent).not.toContain('research catalogue: wb');
  });

  it('lets a coordinator write the minutes after the start', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-past'];
    const calls = service({ full: true, meeting: past });
    render(<Meetings />);
    const form = await screen.findByRole('heading', { name: 'Minutes' }).then(() => document.getElementById('minutes-form')!);
    fireEvent.click(within(form).getByRole('button', { name: 'Save minutes' }));
    expect(await within(form).findByText('Please fill in this field.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Minutes of the meeting'), { target: { value: 'We agreed on the targets.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save minutes' }));
    expect(await screen.findByText('Minutes saved.')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.path).toBe('/api/membership/meetings/m-past/minutes');
    expect(put.body).toEqual({ text: 'We agreed on the targets.' });
  });

  it('reschedules with the new local time in the chosen zone', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-future'];
    const calls = service({ full: true });
    render(<Meetings />);
    const form = await screen.findByRole('heading', { name: 'Change or cancel' }).then(() => document.getElementById('reschedule-form')!);
    const start = within(form).getByLabelText(/^New start/) as HTMLInputElement;
    expect(start.value).toBe('2030-05-12T15:00');
    fireEvent.input(start, { target: { value: '2030-06-01T10:00' } });
    fireEvent.change(within(form).getByLabelText('Time zone'), { target: { value: 'Asia/Almaty' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reschedule' }));
    expect(await screen.findByText('Meeting rescheduled.')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.path).toBe('/api/membership/meetings/m-future/reschedule');
    expect(post.body).toEqual({ localStart: '2030-06-01T10:00', timeZone: 'Asia/Almaty' });
  });

  it('asks before cancelling, and the question can be declined', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'coordinator-account' };
    routeArgs.value = ['m-future'];
    const calls = service({ full: true });
    render(<Meetings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel meeting' }));
    const confirm = screen.getByRole('group', { name: /^Cancel “Expert meeting on FATF”\?/ });
    expect(document.activeElement?.textContent).toBe('Keep the meeting');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep the meeting' }));
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the meeting' }));
    expect(await screen.findByText('Meeting cancelled.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')!.path).toBe('/api/membership/meetings/m-future/cancel');
  });
});

describe('in Kyrgyz', () => {
  it('shows the list and the answer buttons in Kyrgyz', async () => {
    await switchLanguage('ky');
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-aida' };
    routeArgs.value = [];
    service({ me: { id: 'p-aida', timeZone: 'Europe/Berlin' }, full: true });
    const { unmount } = render(<Meetings />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Алдыдагы жолугушуулар' })).toBeTruthy();
    await waitFor(() => expect(document.getElementById('meetings-upcoming')).toBeTruthy());
    const list = document.getElementById('meetings-upcoming')!;
    expect(list.textContent).toContain('(сиздин убакыт, Berlin)');
    expect(list.textContent).toContain('Bishkek убактысы');
    expect(within(list).getByRole('link', { name: /^Календарга кошуу \(\.ics\)/ })).toBeTruthy();
    unmount();

    routeArgs.value = ['m-future'];
    render(<Meetings />);
    const group = await screen.findByRole('group', { name: 'Катышасызбы?' });
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual(['Ооба', 'Жок', 'Балким']);
    expect(screen.getByText('Сиздин жообуңуз: Балким')).toBeTruthy();
  });
});
