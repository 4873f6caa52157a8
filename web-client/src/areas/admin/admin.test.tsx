import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Admin from './index';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { admin as adminEn } from '../../i18n/messages/en/admin';
import { admin as adminRu } from '../../i18n/messages/ru/admin';
import { fakeGateway, paged } from '../people/fakeGateway';
import type { Person } from './api';

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const EN = { ...en, ...adminEn };
const RU = { ...ru, ...adminRu };

const ZARINA: Person = {
  id: 'p-1', displayName: 'Zarina', fullName: 'Zarina Example', email: 'zarina@example.org', status: 'ACTIVE',
  country: 'KZ', registeredAt: '2026-12-01T10:00:00Z', protectedIdentity: false,
};

beforeEach(() => {
  translator.value = new Translator('en', { en: EN });
  routeArgs.value = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('erasure from the back office', () => {
  it('finds a person and links to their erasure', async () => {
    const gateway = fakeGateway({ 'GET /api/membership/people': { body: paged([ZARINA]) } });
    routeArgs.value = ['erasure'];
    render(<Admin />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Zar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const link = await screen.findByRole('link', { name: 'Zarina' });
    expect(link.getAttribute('href')).toBe('#/admin/erasure/p-1');
    expect(gateway.called('GET', '/api/membership/people')[0]!.query.get('q')).toBe('Zar');
    expect(screen.getByRole('heading', { name: '1 person found' })).toBeTruthy();
  });

  it('says what erasure removes in every service, and erases only after the word is typed (Russian)', async () => {
    translator.value = new Translator('ru', { ru: RU, en: EN });
    let current: Person = ZARINA;
    const gateway = fakeGateway({
      'GET /api/membership/people/p-1': () => ({ body: current }),
      'POST /api/membership/people/p-1/erasure': () => {
        current = { id: 'p-1', status: 'ERASED', protectedIdentity: false };
        return { status: 202, body: { personId: 'p-1', status: 'ERASED', erasedAt: '2026-12-04T10:00:00Z' } };
      },
    });
    routeArgs.value = ['erasure', 'p-1'];
    render(<Admin />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Удалить: Zarina' })).toBeTruthy();
    const effects = document.getElementById('admin-erasure-effects')!;
    const services = within(effects).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(services).toEqual(['Участники', 'Вход', 'Уведомления', 'Исследования', 'Стратегия и руководство', 'Журналы аудита']);
    expect(effects.textContent).toContain('человек больше не сможет войти');
    expect(effects.textContent).toContain('Удаление нельзя отменить.');
    // the e-mail is not shown on this screen
    expect(document.body.textContent).not.toContain('zarina@example.org');

    const erase = screen.getByRole('button', { name: 'Удалить навсегда' }) as HTMLButtonElement;
    expect(erase.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Для подтверждения введите УДАЛИТЬ'), { target: { value: 'ERASE' } });
    expect(erase.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Для подтверждения введите УДАЛИТЬ'), { target: { value: 'удалить' } });
    expect(erase.disabled).toBe(false);
    fireEvent.click(erase);
    await waitFor(() => expect(document.getElementById('admin-erase-message')!.textContent).toBe('Удалено. Остальные службы последуют в течение нескольких секунд.'));
    expect(gateway.called('POST', '/api/membership/people/p-1/erasure')).toHaveLength(1);
    expect(await screen.findByRole('heading', { level: 1, name: 'Удалённый человек' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Удалить навсегда' })).toBeNull();
  });
});

const AUDIT = {
  membership: [
    { eventId: 'e-2', type: 'org.civictaskforce.membership.person.erased', subject: 'p-erased', collection: 'people', time: '2026-12-04T10:05:00Z', actor: 'coord-1' },
    { eventId: 'e-1', type: 'org.civictaskforce.membership.meeting.scheduled', subject: 'meeting-7', collection: 'meetings', time: '2026-12-04T09:00:00Z', actor: 'coord-1' },
  ],
  identity: [
    { eventId: 'i-1', type: 'org.civictaskforce.identity.account.deleted', subject: 'account-3', collection: 'accounts', time: '2026-12-04T10:06:00Z', actor: 'system' },
  ],
};

function auditGateway() {
  return fakeGateway({
    'GET /api/membership/audit': { body: paged(AUDIT.membership) },
    'GET /api/identity/audit': { body: paged(AUDIT.identity) },
    'GET /api/research/audit': { body: paged([]) },
    'GET /api/strategy/audit': { body: paged([]) },
    'GET /api/notifications/audit': { status: 503, body: { status: 503, title: 'Service Unavailable' } },
    'GET /api/membership/people/coord-1': { body: { id: 'coord-1', displayName: 'Dana Coordinator', status: 'ACTIVE' } },
    'GET /api/membership/people/p-erased': { body: { id: 'p-erased', status: 'ERASED', protectedIdentity: false } },
  });
}

describe('the audit trail', () => {
  it('shows every service\'s changes newest first, names who may be named, and says which service could not be read', async () => {
    const gateway = auditGateway();
    routeArgs.value = ['audit'];
    render(<Admin />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1).map((row) =>
      within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Sign-in', 'identity.account.deleted', 'accounts account-3', 'the system'],
      ['Membership', 'membership.person.erased', 'erased person', 'Dana Coordinator'],
      ['Membership', 'membership.meeting.scheduled', 'meetings meeting-7', 'Dana Coordinator'],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('Notifications');
    expect(screen.getByText('3 changes in all')).toBeTruthy();
    // the window ends now, and the person lookups are made once per id
    expect(gateway.called('GET', '/api/membership/audit')[0]!.query.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(gateway.called('GET', '/api/membership/people/coord-1')).toHaveLength(1);
    expect(gateway.called('GET', '/api/membership/people/p-erased')).toHaveLength(1);
  });

  it('filters by service, type and days, in Russian', async () => {
    translator.value = new Translator('ru', { ru: RU, en: EN });
    const gateway = auditGateway();
    routeArgs.value = ['audit'];
    render(<Admin />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Служба'), { target: { value: 'membership' } });
    fireEvent.input(screen.getByLabelText('Вид изменения'), { target: { value: 'membership.person.erased' } });
    fireEvent.input(screen.getByLabelText('С (день)'), { target: { value: '2026-12-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Показать' }));
    await waitFor(() => expect(gateway.called('GET', '/api/membership/audit')).toHaveLength(2));
    const query = gateway.called('GET', '/api/membership/audit')[1]!.query;
    expect(query.get('type')).toBe('org.civictaskforce.membership.person.erased');
    expect(query.get('from')).toMatch(/^2026-12-0[34]T/);
    expect(gateway.called('GET', '/api/identity/audit')).toHaveLength(1);
    expect(await screen.findByText('удалённый человек')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Вид изменения'), { target: { value: '{"$gt":""}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Показать' }));
    expect(await screen.findByText('Только латинские буквы, цифры и . _ : -')).toBeTruthy();
    expect(gateway.called('GET', '/api/membership/audit')).toHaveLength(2);
  });

  it('says in words when the coordinator may not read the trail', async () => {
    const forbidden = { status: 403, body: { type: '/problems/forbidden', status: 403, title: 'Forbidden' } };
    fakeGateway(Object.fromEntries(['membership', 'research', 'strategy', 'notifications', 'identity']
      .map((service) => [`GET /api/${service}/audit`, forbidden])));
    routeArgs.value = ['audit'];
    render(<Admin />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('Forbidden');
    expect(alert.textContent).not.toBe('');
  });
});

describe('the delivery log and template coverage', () => {
  it('shows template, channel, status and language without addresses', async () => {
    fakeGateway({
      'GET /api/notifications/deliveries': { body: paged([{
        notificationId: 'n-1', template: 'member-invited', personId: 'p-1', createdAt: '2026-12-04T10:00:00Z',
        deliveries: [
          { channel: 'EMAIL', status: 'SENT', attempts: 1, language: 'ru' },
          { channel: 'INBOX', status: 'QUEUED', attempts: 0 },
        ],
      }]) },
    });
    routeArgs.value = ['deliveries'];
    render(<Admin />);
    const table = await screen.findByRole('table');
    const cells = within(table).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['member-invited', 'E-mail: sent, РусскийInbox: waiting']);
    expect(table.querySelector('[lang="ru"]')?.textContent).toBe('Русский');
    expect(table.textContent).not.toContain('@');
  });

  it('marks missing templates in words, per language (Russian)', async () => {
    translator.value = new Translator('ru', { ru: RU, en: EN });
    fakeGateway({
      'GET /api/notifications/templates/coverage': { body: {
        templates: ['member-invited'],
        languages: [
          { language: 'en', complete: 1, total: 1, completeTemplates: ['member-invited'], missing: [] },
          { language: 'tk', complete: 0, total: 1, completeTemplates: [], missing: [{ template: 'member-invited', missingParts: ['html'], fallsBackTo: 'ru' }] },
        ],
      } },
    });
    routeArgs.value = ['templates'];
    render(<Admin />);
    const table = await screen.findByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Шаблон', 'English', 'Türkmençe']);
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['есть', 'нет; читатели получают на языке: Русский']);
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('0 из 1');
  });
});

describe('the back office\'s start', () => {
  it('lists its tools', () => {
    render(<Admin />);
    const nav = screen.getByRole('navigation', { name: 'Back office tools' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Erasure', 'Audit trail', 'Delivery log', 'Template coverage']);
  });
});
