import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Strategy from './index';
import { account } from '../../api/auth';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { strategy as strategyEn } from '../../i18n/messages/en/strategy';
import { strategy as strategyRu } from '../../i18n/messages/ru/strategy';
import { fakeGateway, paged, type Call } from '../people/fakeGateway';

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const CONTENT = {
  context: '# Civic space\n\nThe **EBRD** consults civil society.',
  goals: ['Open budgets'],
  targetInstitutions: ['ebrd'],
  objectives: ['Consult CSOs in four countries'],
  actions: [{ text: 'Brief the EBRD', ownerId: 'p-1', due: '2027-03-01', status: 'PLANNED' }],
  indicators: ['Organisations from four countries commented'],
  risks: [{ description: 'Reprisals against participants', reprisal: true, mitigation: 'Anonymous comments' }],
  evidence: ['f-1'],
};

const DRAFT = { version: 2, status: 'DRAFT', basedOn: 1, content: CONTENT, sections: [], changedAt: '2026-12-04T10:00:00Z' };
const ADOPTED = { ...DRAFT, status: 'ADOPTED', adoptedAt: '2026-12-05T10:00:00Z' };
const V1 = { version: 1, status: 'ADOPTED', content: { ...CONTENT, context: 'Civic space in three countries', actions: [], risks: [] } };

function gateway(version: typeof DRAFT, roundClosed = true) {
  let current = version;
  return fakeGateway({
    'GET /api/strategy/versions': { body: [{ version: 1, status: 'ADOPTED' }, { version: 2, status: current.status }] },
    'GET /api/strategy/versions/2': () => ({ body: current }),
    'GET /api/strategy/versions/1': { body: V1 },
    'PUT /api/strategy/versions/2': (call: Call) => {
      current = { ...current, content: (call.body as { content: typeof CONTENT }).content };
      return { body: current };
    },
    'POST /api/strategy/versions/2/adopt': () => {
      current = { ...current, status: 'ADOPTED', adoptedAt: '2026-12-05T10:00:00Z' } as typeof DRAFT;
      return { body: current };
    },
    'GET /api/strategy/consultations': { body: [{ subjectKind: 'STRATEGY_VERSION', subjectRef: '2', status: roundClosed ? 'CLOSED' : 'OPEN', deadline: '2099-01-01T00:00:00Z' }] },
    'GET /api/strategy/evidence': { body: [{ findingId: 'f-1' }, { findingId: 'f-2' }] },
    'GET /api/research/findings/f-1': { body: { id: 'f-1', country: 'KZ', status: 'ACCEPTED', versions: [{ version: 1, content: { statement: 'The EBRD publishes stakeholder engagement plans.' } }] } },
    'GET /api/research/findings/f-2': { body: { id: 'f-2', country: 'KG', status: 'ACCEPTED', versions: [{ version: 1, content: { statement: 'The ADB grievance mechanism is little known.' } }] } },
    'GET /api/membership/people': { body: paged([{ id: 'p-1', displayName: 'Aigul', status: 'ACTIVE' }, { id: 'p-2', displayName: 'Timur', status: 'ACTIVE' }]) },
  });
}

function signedIn(...roles: string[]) {
  account.value = { state: 'signedIn', roles, subject: 'p-9' };
}

beforeEach(() => {
  translator.value = new Translator('en', { en: { ...en, ...strategyEn } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  routeArgs.value = [];
});

describe('a draft, for the coordinator', () => {
  it('edits a section as Markdown with a live preview and saves the whole content', async () => {
    signedIn('coordinator');
    routeArgs.value = ['2'];
    const fake = gateway(DRAFT);
    render(<Strategy />);
    const context = await screen.findByRole('region', { name: 'Context' });
    expect(within(context).getByRole('heading', { level: 3, name: 'Civic space' })).toBeTruthy();
    fireEvent.click(within(context).getByRole('button', { name: /^Edit\s*: Context$/ }));
    const text = screen.getByLabelText('Text of “Context”') as HTMLTextAreaElement;
    expect(text.value).toBe(CONTENT.context);
    fireEvent.input(text, { target: { value: '## New heading\n\nSee [the plan](javascript:alert(1)) and *this*.' } });
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('heading', { level: 5, name: 'New heading' })).toBeTruthy();
    expect(within(preview).queryByRole('link')).toBeNull();
    expect(preview.querySelector('em')?.textContent).toBe('this');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.called('PUT', '/api/strategy/versions/2')).toHaveLength(1));
    const sent = fake.called('PUT', '/api/strategy/versions/2')[0]!.body as { content: typeof CONTENT };
    expect(sent.content.context).toBe('## New heading\n\nSee [the plan](javascript:alert(1)) and *this*.');
    expect(sent.content.actions).toEqual(CONTENT.actions);
    expect(sent.content.evidence).toEqual(['f-1']);
    expect(await screen.findByRole('heading', { level: 4, name: 'New heading' })).toBeTruthy();
    expect(screen.getByText('Saved.').getAttribute('role')).toBe('status');
  });

  it('adds an action with an owner chosen by name, and a risk of reprisal', async () => {
    signedIn('coordinator');
    routeArgs.value = ['2'];
    const fake = gateway(DRAFT);
    render(<Strategy />);
    const table = await screen.findByRole('table', { name: 'Actions' });
    await waitFor(() => expect(within(table).getByText('Aigul')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    expect(screen.getAllByText('Please fill in this field.').length).toBeGreaterThan(0);
    expect(fake.called('PUT', '/api/strategy/versions/2')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Action'), { target: { value: 'Meet the ADB' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'p-2' } });
    fireEvent.input(screen.getByLabelText('Due'), { target: { value: '2027-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(fake.called('PUT', '/api/strategy/versions/2')).toHaveLength(1));
    expect((fake.calls.at(-1)!.body as { content: typeof CONTENT }).content.actions[1])
      .toEqual({ text: 'Meet the ADB', ownerId: 'p-2', due: '2027-05-01', status: 'PLANNED' });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Actions' })).getByText('Timur')).toBeTruthy());

    fireEvent.input(screen.getByLabelText('Risk'), { target: { value: 'Officials read the comments' } });
    fireEvent.input(screen.getByLabelText('Mitigation'), { target: { value: 'Comments without names' } });
    fireEvent.click(screen.getByLabelText('This is a risk of reprisal against people or organisations taking part'));
    fireEvent.click(screen.getByRole('button', { name: 'Add risk' }));
    await waitFor(() => expect(fake.called('PUT', '/api/strategy/versions/2')).toHaveLength(2));
    expect((fake.calls.filter((c) => c.method === 'PUT').at(-1)!.body as { content: typeof CONTENT }).content.risks[1])
      .toEqual({ description: 'Officials read the comments', mitigation: 'Comments without names', reprisal: true });
  });

  it('picks evidence among the accepted findings, shown by their statements', async () => {
    signedIn('coordinator');
    routeArgs.value = ['2'];
    const fake = gateway(DRAFT);
    render(<Strategy />);
    expect(await screen.findByText('The EBRD publishes stakeholder engagement plans.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Choose evidence' }));
    const second = await screen.findByRole('checkbox', { name: /The ADB grievance mechanism is little known/ });
    fireEvent.click(second);
    fireEvent.click(screen.getByRole('button', { name: 'Save evidence' }));
    await waitFor(() => expect(fake.called('PUT', '/api/strategy/versions/2')).toHaveLength(1));
    expect((fake.calls.at(-1)!.body as { content: typeof CONTENT }).content.evidence).toEqual(['f-1', 'f-2']);
  });

  it('adopts after a confirmation, and then offers no edit control', async () => {
    signedIn('coordinator');
    routeArgs.value = ['2'];
    const fake = gateway(DRAFT);
    render(<Strategy />);
    fireEvent.click(await screen.findByRole('button', { name: 'Adopt version 2' }));
    expect(fake.called('POST', '/api/strategy/versions/2/adopt')).toHaveLength(0);
    expect(screen.getByText('Once adopted, this version can never be changed again; later changes need a new draft.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, adopt' }));
    expect(await screen.findByText('This version is adopted and read-only. To change the strategy, start a new draft from it.')).toBeTruthy();
    expect(fake.called('POST', '/api/strategy/versions/2/adopt')).toHaveLength(1);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
  });

  it('says why adoption is not offered while the round is open', async () => {
    signedIn('coordinator');
    routeArgs.value = ['2'];
    gateway(DRAFT, false);
    render(<Strategy />);
    expect(await screen.findByText(/The consultation round on this version closes/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Adopt version 2' })).toBeNull();
  });
});

describe('the versions and their comparison', () => {
  it('lists the versions, offers no new draft while one is open, and compares any two', async () => {
    signedIn('coordinator');
    gateway(DRAFT);
    render(<Strategy />);
    const list = await screen.findByRole('list');
    expect(list.id).toBe('strategy-versions');
    expect(within(list).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Version 2', '#/strategy/2'], ['Version 1', '#/strategy/1']]);
    expect(screen.queryByRole('button', { name: /Start/ })).toBeNull();
    expect((screen.getByLabelText('Older version') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('Newer version') as HTMLSelectElement).value).toBe('2');
  });

  it('shows the words removed and added, struck through and underlined, with words for screen readers', async () => {
    signedIn('member');
    routeArgs.value = ['compare', '1', '2'];
    gateway(DRAFT);
    render(<Strategy />);
    const diff = await screen.findByRole('region', { name: 'Changes from version 1 to version 2' });
    const context = within(diff).getByRole('region', { name: 'Context' });
    expect([...context.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['removed: in three countries']);
    expect([...context.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['added: # ', 'added: The **EBRD** consults civil society.']);
    expect(context.textContent).toContain('Civic space');
    expect(within(diff).getByRole('region', { name: 'Goals' }).textContent).toContain('No change.');
    expect(within(diff).getByText('3 of 8 sections changed.')).toBeTruthy();
    // the screen's h1 names the form; no second heading says the same
    expect(screen.getAllByRole('heading', { name: 'Compare versions' })).toHaveLength(1);
    expect(screen.getByRole('form', { name: 'Compare versions' }).id).toBe('strategy-compare-form');
  });
});

describe('an adopted version, for a member, in Russian', () => {
  it('reads it with the reprisal flag and its reason, and offers nothing to change', async () => {
    translator.value = new Translator('ru', { ru: { ...ru, ...strategyRu }, en: { ...en, ...strategyEn } });
    signedIn('member');
    routeArgs.value = ['2'];
    const fake = gateway(ADOPTED);
    render(<Strategy />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Стратегия, версия 2' })).toBeTruthy();
    expect(await screen.findByText('Эта версия утверждена и доступна только для чтения. Чтобы изменить стратегию, начните на её основе новый проект.')).toBeTruthy();
    const risks = screen.getByRole('region', { name: 'Риски' });
    expect(within(risks).getByText('Риск преследования')).toBeTruthy();
    expect(within(risks).getByText(/Риски преследования никогда не публикуются/)).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Действия' })).getAllByRole('columnheader').map((h) => h.textContent))
      .toEqual(['Действие', 'Ответственный', 'Срок', 'Статус']);
    expect(screen.getByText('Запланировано')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    // a member is not asked for the rounds (coordinators decide adoption)
    expect(fake.called('GET', '/api/strategy/consultations')).toHaveLength(0);
  });

  it('tells someone without a working-group role why they cannot read it', async () => {
    translator.value = new Translator('ru', { ru: { ...ru, ...strategyRu }, en: { ...en, ...strategyEn } });
    signedIn();
    fakeGateway({ 'GET /api/strategy/versions': { status: 403, body: { status: 403 } } });
    render(<Strategy />);
    expect(await screen.findByText(/Стратегию читают участники рабочей группы/)).toBeTruthy();
  });
});
