import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen } from '@testing-library/preact';
import Note from './index';
import { routeArgs } from '../../app/router';
import { account } from '../../api/auth';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { note as enNote } from '../../i18n/messages/en/note';
import { note as ruNote } from '../../i18n/messages/ru/note';
import { fakeGateway } from '../people/fakeGateway';

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const content = (statement: string, version: number) => [{
  id: 'wb', name: 'World Bank',
  countries: [{ code: 'KZ', name: 'Kazakhstan', findings: [{ findingId: 'f-1', statement, version, strand: 'STANDARDS_AND_RULES' }] }],
}];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  routeArgs.value = [];
});

describe('the analytical note', () => {
  it('lets a coordinator publish the next version after saying what it holds', async () => {
    translator.value = new Translator('en', { en: { ...en, ...enNote } });
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-1' };
    const gateway = fakeGateway({
      'GET /api/research/note/draft': { body: { latestNumber: 1, findings: 2, institutions: 1, countries: 1,
        institutionParts: content('Second', 1),
        changes: { previousNumber: 1, empty: false, added: [{ findingId: 'f-1', institutionId: 'wb', country: 'KZ' }] } } },
      'GET /api/research/note/versions': { body: { versions: [{ number: 1, publishedAt: '2026-12-01T10:00:00Z', findings: 1, institutions: 1, countries: 1, added: 1 }] } },
      'GET /api/research/note/versions/1': { body: { number: 1, institutionParts: [] } },
      'POST /api/research/note/versions': { status: 201, body: { number: 2 } },
    });
    render(<Note />);
    await screen.findByText('What would change since version 1');
    expect(screen.getByText('Added')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish version 2…' }));
    expect(screen.getByText(/Publish version 2 with 2 findings on 1 institution and 1 country\? A published version never changes\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish version 2' }));
    await screen.findByText('Version 2 is published.');
    expect(gateway.called('POST', '/api/research/note/versions')).toHaveLength(1);
  });

  it('offers no publishing to a member, and shows a version\'s changed words and downloads it in Russian', async () => {
    translator.value = new Translator('ru', { ru: { ...ru, ...ruNote }, en: { ...en, ...enNote } });
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-2' };
    routeArgs.value = ['versions', '2'];
    const pdf = new TextEncoder().encode('%PDF-1.7 қ ә');
    const routes = {
      'GET /api/research/note/versions/2': { body: { number: 2, publishedAt: '2026-12-02T10:00:00Z', findings: 1, institutions: 1, countries: 1,
        institutionParts: content('Банк раскрыл оценку', 2),
        changes: { previousNumber: 1, changed: [{ findingId: 'f-1', fromVersion: 1, toVersion: 2, institutionId: 'wb', country: 'KZ', what: ['statement'] }] } } },
      'GET /api/research/note/versions/1': { body: { number: 1, institutionParts: content('Банк не раскрыл оценку', 1) } },
    };
    fakeGateway(routes);
    // the PDF answer: bytes with the service's file name
    const json = globalThis.fetch;
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => (String(input).includes('format=pdf')
      ? new Response(pdf, { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length),
        'Content-Disposition': 'attachment; filename="analytical-note-v2.pdf"' } })
      : json(input, init))));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:note'), revokeObjectURL: vi.fn() }));
    render(<Note />);
    await screen.findByText('Что изменилось по сравнению с версией 1');
    const removed = await screen.findByText((_, element) => element?.tagName === 'DEL' && element.textContent === 'удалено: не ');
    expect(removed).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Опубликовать/ })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Скачать PDF' })[0]!);
    await screen.findByText('Сохранено как analytical-note-v2.pdf.');
  });
});
