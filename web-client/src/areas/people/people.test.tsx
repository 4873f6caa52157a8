import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import People, { Organisations } from './index';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { fakeGateway, paged } from './fakeGateway';
import type { Person } from './api';

const COUNTRIES = [
  { code: 'KZ', name: 'Kazakhstan', centralAsia: true },
  { code: 'KG', name: 'Kyrgyzstan', centralAsia: true },
  { code: 'DE', name: 'Germany', centralAsia: false },
];

const AIGUL: Person = {
  id: 'p-1',
  displayName: 'Aigul',
  fullName: 'Aigul Example',
  email: 'aigul@example.org',
  country: 'KG',
  preferredLanguage: 'ky',
  timeZone: 'Asia/Bishkek',
  status: 'ACCEPTED',
  registeredAt: '2026-12-01T10:00:00Z',
  invitation: { invitationId: 'i-1', invitedAt: '2026-12-01T11:00:00Z', expiresAt: '2026-12-15T11:00:00Z' },
  roles: ['EXPERT'],
  languages: ['ky', 'ru'],
  expertise: ['fatf'],
  affiliations: [],
  protectedIdentity: false,
  consent: { noticeVersion: '2026-01', agreedTo: ['membership'], agreedAt: '2026-12-02T09:00:00Z' },
};

// rendered screens on a machine shared by several builds: more time than the default 5 s
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  translator.value = new Translator('en', { en });
  routeArgs.value = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the people list', () => {
  it('lists people with their status and sends the filters the API has', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'GET /api/membership/people': { body: paged([AIGUL, { id: 'p-2', displayName: 'Timur', protectedIdentity: true }], 2) },
    });
    render(<People />);
    const table = await screen.findByRole('table');
    expect(table.id).toBe('people-list');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'Aigul' }).getAttribute('href')).toBe('#/people/p-1');
    expect(rows[1]!.textContent).toContain('Accepted');
    expect(rows[1]!.textContent).toContain('Kyrgyzstan');
    expect(rows[2]!.textContent).toContain('(protected identity)');
    expect(screen.getByText('2 people')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Search by name'), { target: { value: 'ai' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ACTIVE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(gateway.called('GET', '/api/membership/people')).toHaveLength(2));
    const query = gateway.called('GET', '/api/membership/people')[1]!.query;
    expect(query.get('q')).toBe('ai');
    expect(query.get('status')).toBe('ACTIVE');
    expect(query.get('page')).toBe('0');
    expect(query.has('country')).toBe(false);
  });

  it('starts filtered by status when the dashboard links to it', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'GET /api/membership/people': { body: paged([AIGUL]) },
    });
    routeArgs.value = ['status', 'ACCEPTED'];
    render(<People />);
    await screen.findByRole('table');
    expect(gateway.called('GET', '/api/membership/people')[0]!.query.get('status')).toBe('ACCEPTED');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('ACCEPTED');
  });

  it('organisations too start filtered by status when the dashboard links to them', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'GET /api/membership/organisations': { body: paged([]) },
    });
    routeArgs.value = ['status', 'INVITED'];
    render(<Organisations />);
    expect(await screen.findByText('Nothing found.')).toBeTruthy();
    expect(gateway.called('GET', '/api/membership/organisations')[0]!.query.get('status')).toBe('INVITED');
  });

  it('says in Russian what it shows', async () => {
    translator.value = new Translator('ru', { ru, en });
    fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'GET /api/membership/people': { body: paged([AIGUL, { ...AIGUL, id: 'p-3' }, { ...AIGUL, id: 'p-4' }], 3) },
    });
    render(<People />);
    expect(await screen.findByText('3 человека')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Показать' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Зарегистрировать человека' })).toBeTruthy();
    expect(screen.getAllByText('Принял приглашение').length).toBeGreaterThan(0);
  });
});

describe('a person\'s page', () => {
  it('shows what the API answers and offers what the state allows; activating reloads and says so', async () => {
    let current: Person = AIGUL;
    const gateway = fakeGateway({
      'GET /api/membership/people/p-1': () => ({ body: current }),
      'POST /api/membership/people/p-1/activate': () => {
        current = { ...AIGUL, status: 'ACTIVE' };
        return { body: current };
      },
    });
    routeArgs.value = ['p-1'];
    render(<People />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Aigul' })).toBeTruthy();
    expect(screen.getByText('aigul@example.org')).toBeTruthy();
    // names of languages in themselves, marked with their language
    expect(document.querySelector('#person-details [lang="ky"]')?.textContent).toBe('Кыргызча');
    const actions = document.getElementById('person-actions')!;
    expect(within(actions).getAllByRole('button').map((b) => b.textContent))
      .toEqual(['Enrolment link', 'Activate', 'Remove…', 'Erase…']);

    fireEvent.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(document.getElementById('person-message')!.textContent).toBe('The person is now an active member.'));
    const post = gateway.called('POST', '/api/membership/people/p-1/activate')[0]!;
    expect(post.headers['X-XSRF-TOKEN']).toBe('csrf-1');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Activate' })).toBeNull());
    expect(gateway.called('GET', '/api/membership/people/p-1')).toHaveLength(2);
    expect(document.activeElement?.id).toBe('person-message');
  });

  it('offers Invite to a candidate and no activation before consent', async () => {
    fakeGateway({ 'GET /api/membership/people/p-1': { body: { ...AIGUL, status: 'CANDIDATE', consent: null, invitation: null } } });
    routeArgs.value = ['p-1'];
    render(<People />);
    await screen.findByRole('heading', { level: 1, name: 'Aigul' });
    const buttons = within(document.getElementById('person-actions')!).getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Invite', 'Erase…']);
  });

  it('shows only what comes for a protected person, and tries nothing more', async () => {
    fakeGateway({ 'GET /api/membership/people/p-2': { body: { id: 'p-2', displayName: 'Timur', protectedIdentity: true } } });
    routeArgs.value = ['p-2'];
    render(<People />);
    await screen.findByRole('heading', { level: 1, name: 'Timur' });
    const details = document.getElementById('person-details')!;
    expect([...details.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Protected identity']);
    expect(screen.queryByRole('button', { name: 'Invite' })).toBeNull();
  });

  it('hands out an enrolment link with a Copy button and how to pass it on safely', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/people/p-1': { body: { ...AIGUL, status: 'INVITED', consent: null } },
      'POST /api/identity/enrolments': { status: 201, body: { enrolmentUrl: 'http://localhost:9000/enrol?token=abc', expiresAt: '2026-12-07T10:00:00Z' } },
    });
    routeArgs.value = ['p-1'];
    render(<People />);
    fireEvent.click(await screen.findByRole('button', { name: 'Enrolment link' }));
    const input = await screen.findByLabelText('One-time link for this person');
    expect((input as HTMLInputElement).value).toBe('http://localhost:9000/enrol?token=abc');
    expect(gateway.called('POST', '/api/identity/enrolments')[0]!.body).toEqual({ personId: 'p-1' });
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByText(/Never post it in a group chat/)).toBeTruthy();
    expect(screen.getByText(/It works once and expires/)).toBeTruthy();
    expect(screen.getByText(/removes their second factor/)).toBeTruthy();
  });

  it('erases only after the word is typed, in the person\'s language', async () => {
    translator.value = new Translator('ru', { ru, en });
    let current: Person = { ...AIGUL, status: 'LEFT' };
    const gateway = fakeGateway({
      'GET /api/membership/people/p-1': () => ({ body: current }),
      'POST /api/membership/people/p-1/erasure': () => {
        current = { id: 'p-1', status: 'ERASED', registeredAt: AIGUL.registeredAt!, protectedIdentity: false };
        return { status: 202, body: { personId: 'p-1', status: 'ERASED', erasedAt: '2026-12-04T10:00:00Z' } };
      },
    });
    routeArgs.value = ['p-1'];
    render(<People />);
    fireEvent.click(await screen.findByRole('button', { name: 'Стереть…' }));
    const submit = screen.getByRole('button', { name: 'Стереть навсегда' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByRole('heading', { level: 3, name: 'Стереть данные этого человека' })).toBeTruthy();
    expect(screen.getByText(/нельзя отменить/)).toBeTruthy();
    expect(screen.getByText('Стирайте данные, только если человек сам об этом просит.')).toBeTruthy();
    const field = screen.getByLabelText('Для подтверждения введите УДАЛИТЬ');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'ERASE' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(field, { target: { value: 'удалить' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(document.getElementById('person-message')!.textContent).toBe('Данные человека стёрты.'));
    expect(gateway.called('POST', '/api/membership/people/p-1/erasure')).toHaveLength(1);
    await waitFor(() => expect(screen.getByText('Данные стёрты')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Стереть…' })).toBeNull();
  });

  it('registers a person and shows a refused field next to it', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'POST /api/membership/people': {
        status: 422,
        body: { status: 422, errors: [{ field: 'email', code: 'Email', message: 'must be a well-formed email address' }] },
      },
    });
    routeArgs.value = ['new'];
    render(<People />);
    expect(screen.getByRole('heading', { level: 1, name: 'Register a person' })).toBeTruthy();
    // role queries over the ~400 time zones are slow: the options are looked up directly
    await waitFor(() => expect(document.querySelector('#country option[value="KG"]')?.textContent).toBe('Kyrgyzstan'));
    fireEvent.input(screen.getByLabelText(/^Display name/), { target: { value: 'Aigul' } });
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'not-an-address' } });
    fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'KG' } });
    fireEvent.change(screen.getByLabelText(/^Preferred language/), { target: { value: 'ky' } });
    expect((screen.getByLabelText(/^Time zone/) as HTMLSelectElement).value).toBe('Asia/Bishkek');
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await screen.findByText('Please enter an e-mail address such as name@example.org.');
    expect(gateway.called('POST', '/api/membership/people')[0]!.body).toEqual({
      displayName: 'Aigul', email: 'not-an-address', country: 'KG', preferredLanguage: 'ky', timeZone: 'Asia/Bishkek',
      roles: ['EXPERT'], protectedIdentity: false,
    });
    expect(screen.getByLabelText(/^E-mail/).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('registering', () => {
  it('a person: goes to their page, which says they are registered', async () => {
    fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'POST /api/membership/people': { status: 201, body: { ...AIGUL, id: 'p-9', status: 'CANDIDATE', consent: null } },
      'GET /api/membership/people/p-9': { body: { ...AIGUL, id: 'p-9', status: 'CANDIDATE', consent: null } },
    });
    routeArgs.value = ['new'];
    const view = render(<People />);
    fireEvent.input(screen.getByLabelText(/^Display name/), { target: { value: 'Aigul' } });
    fireEvent.input(screen.getByLabelText('Full name (optional)'), { target: { value: 'Aigul Example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(window.location.hash).toBe('#/people/p-9'));
    routeArgs.value = ['p-9'];
    view.rerender(<People />);
    await screen.findByRole('heading', { level: 1, name: 'Aigul' });
    expect(document.getElementById('person-message')!.textContent).toBe('Aigul is registered. Invite them when they are ready.');
    expect(screen.getByRole('button', { name: 'Invite' })).toBeTruthy();
  });

  it('an organisation: focus areas as tags, empty optional fields left out', async () => {
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'POST /api/membership/organisations': { status: 201, body: { id: 'o-9', name: 'Open Steppe', status: 'CANDIDATE' } },
    });
    routeArgs.value = ['new'];
    render(<Organisations />);
    await waitFor(() => expect(document.querySelector('#org-country option[value="KZ"]')?.textContent).toBe('Kazakhstan'));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' Open Steppe ' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'KZ' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'MEDIA' } });
    fireEvent.input(screen.getByLabelText(/^Focus areas \(optional\)/), { target: { value: 'media, fatf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(window.location.hash).toBe('#/organisations/o-9'));
    expect(gateway.called('POST', '/api/membership/organisations')[0]!.body).toEqual({
      name: 'Open Steppe', country: 'KZ', kind: 'MEDIA', focusAreas: ['media', 'fatf'],
    });
  });
});

describe('organisations', () => {
  it('lists organisations and moves one on as its status allows', async () => {
    let status = 'CANDIDATE';
    const organisation = () => ({ id: 'o-1', name: 'Open Steppe', country: 'KZ', kind: 'MEDIA', focusAreas: ['media'], status, contact: { email: 'info@example.org' } });
    const gateway = fakeGateway({
      'GET /api/membership/countries': { body: COUNTRIES },
      'GET /api/membership/organisations': () => ({ body: paged([organisation()]) }),
      'GET /api/membership/organisations/o-1': () => ({ body: organisation() }),
      'POST /api/membership/organisations/o-1/invitation': () => {
        status = 'INVITED';
        return { body: organisation() };
      },
    });
    render(<Organisations />);
    const table = await screen.findByRole('table');
    expect(table.id).toBe('organisations-list');
    expect(within(table).getByRole('link', { name: 'Open Steppe' }).getAttribute('href')).toBe('#/organisations/o-1');
    expect(table.textContent).toContain('Media');
    cleanup();

    routeArgs.value = ['o-1'];
    render(<Organisations />);
    await screen.findByRole('heading', { level: 1, name: 'Open Steppe' });
    expect(screen.getByText('info@example.org')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(document.getElementById('organisation-message')!.textContent).toBe('The organisation is invited.'));
    expect(gateway.called('POST', '/api/membership/organisations/o-1/invitation')).toHaveLength(1);
    await screen.findByRole('button', { name: 'Record as member' });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw…' }));
    expect(screen.getByRole('button', { name: 'Record the withdrawal' })).toBeTruthy();
  });
});
