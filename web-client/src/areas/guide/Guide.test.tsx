import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import GuideArea from './index';
import { account } from '../../api/auth';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ky } from '../../i18n/messages/ky';
import { ru } from '../../i18n/messages/ru';
import { guide as enGuide } from '../../i18n/messages/en/guide';
import { guide as kyGuide } from '../../i18n/messages/ky/guide';
import { guide as ruGuide } from '../../i18n/messages/ru/guide';
import type { Guide } from './api';

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** The guide service as a fake: a stale ky intro (revision 2, translated from 1), ifis in review, kk complete. */
function service() {
  const calls: Call[] = [];
  const guide: Guide = {
    id: 'ifi-advocacy',
    sourceLanguage: 'ru',
    targetLanguages: ['kk', 'ky', 'tg', 'tk', 'uz', 'en'],
    sections: [
      { key: 'intro', title: 'Введение', body: 'Строка один\nСтрока 2', revision: 2,
        translations: { ky: { status: 'STALE', basedOnRevision: 1 }, kk: { status: 'APPROVED', basedOnRevision: 2 } } },
      { key: 'ifis', title: 'МФИ', body: 'Текст', revision: 1,
        translations: { ky: { status: 'IN_REVIEW', basedOnRevision: 1 }, kk: { status: 'APPROVED', basedOnRevision: 1 } } },
    ],
    languages: [
      { language: 'kk', approved: 2, total: 2, stale: 0, complete: true, lastEdition: 1 },
      { language: 'ky', approved: 0, total: 2, stale: 1, complete: false, lastEdition: 0 },
    ],
  };
  const answers: Record<string, unknown> = {
    'GET /api/strategy/guide': guide,
    'GET /api/strategy/guide/translators': { kk: [], ky: ['p-aigul'] },
    'GET /api/strategy/guide/sections/intro/translations/ky': { sectionKey: 'intro', language: 'ky', title: 'Киришүү', body: 'Сап бир\nСап эки', basedOnRevision: 1, sourceRevision: 2, status: 'STALE', reviewComment: 'ЭКМ деген терминди колдонуңуз' },
    'GET /api/strategy/guide/sections/ifis/translations/ky': { sectionKey: 'ifis', language: 'ky', title: 'ЭКМ', body: 'Текст ky', basedOnRevision: 1, sourceRevision: 1, status: 'IN_REVIEW' },
    'GET /api/strategy/guide/sections/intro/translations/ky/source-diff': { sectionKey: 'intro', language: 'ky',
      lines: [{ op: 'SAME', text: 'Введение' }, { op: 'SAME', text: '' }, { op: 'SAME', text: 'Строка один' }, { op: 'REMOVED', text: 'Строка два' }, { op: 'ADDED', text: 'Строка 2' }] },
    'GET /api/membership/people?role=TRANSLATOR&status=ACTIVE&page=0&size=100': { content: [{ id: 'p-aigul', displayName: 'Aigul' }, { id: 'p-bek', displayName: 'Bek' }] },
    'PUT /api/strategy/guide/sections/intro/translations/ky': { sectionKey: 'intro', language: 'ky', status: 'DRAFT' },
    'POST /api/strategy/guide/sections/ifis/translations/ky/approve': { sectionKey: 'ifis', language: 'ky', status: 'APPROVED' },
    'POST /api/strategy/guide/editions/kk': { language: 'kk', number: 2 },
    'POST /api/strategy/guide/sections/ifis/translations/ky/return': { sectionKey: 'ifis', language: 'ky', status: 'DRAFT' },
  };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const answer = answers[`${method} ${path}`];
    if (answer === undefined) return new Response('{"status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=csrf-1';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the translation workspace in English', () => {
  beforeEach(() => {
    translator.value = new Translator('en', { en: { ...en, ...enGuide } });
  });

  it('shows a Kyrgyz translator the source beside the translation, the stale change in words and lets them fix and save it', async () => {
    account.value = { state: 'signedIn', roles: ['translator'], subject: 'p-aigul' };
    routeArgs.value = ['ky'];
    const calls = service();
    render(<GuideArea />);
    const intro = await waitFor(() => {
      const article = document.getElementById('section-intro');
      expect(article).toBeTruthy();
      return article!;
    });
    expect(screen.getByText('Кыргызча').getAttribute('lang')).toBe('ky');
    expect(within(intro).getByText('Stale')).toBeTruthy();
    const diff = await waitFor(() => within(intro).getByRole('group', { name: 'The source changed since revision 1 (now 2):' }));
    expect(diff.querySelector('del')?.textContent).toBe('Removed: Строка два');
    expect(diff.querySelector('ins')?.textContent).toBe('Added: Строка 2');
    // the translator's own text, in Kyrgyz, beside the source
    const body = within(intro).getByLabelText('Text (Markdown)') as HTMLTextAreaElement;
    expect(body.value).toBe('Сап бир\nСап эки');
    expect(body.getAttribute('lang')).toBe('ky');
    // the reviewer's comment from an earlier return, read while revising
    expect(document.getElementById('translation-intro-review-comment')?.textContent).toBe('The reviewer’s comment:ЭКМ деген терминди колдонуңуз');
    const source = within(intro).getByRole('heading', { level: 3, name: /^Source, revision 2 \( ?Русский ?\)$/ });
    expect(source.parentElement?.querySelector('.guide-text')?.getAttribute('lang')).toBe('ru');
    // a stale translation is written again, not submitted; no reviewer's buttons for a translator
    expect(within(intro).queryByRole('button', { name: 'Submit for review' })).toBeNull();
    const ifis = document.getElementById('section-ifis')!;
    await waitFor(() => expect(within(ifis).getByText('Submitted')).toBeTruthy());
    expect(within(ifis).queryByRole('button', { name: 'Approve' })).toBeNull();

    fireEvent.input(body, { target: { value: 'Сап бир\nСап 2' } });
    fireEvent.click(within(intro).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/strategy/guide/sections/intro/translations/ky');
    // the fix translates the source as it is now
    expect(put.body).toEqual({ title: 'Киришүү', body: 'Сап бир\nСап 2', basedOnRevision: 2 });
    await waitFor(() => expect(within(intro).getByText('The draft is saved.')).toBeTruthy());
  });

  it('gives a coordinator the completeness in bars and a table, publishing only for a complete language, and translators to pick', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coordinator' };
    routeArgs.value = [];
    const calls = service();
    render(<GuideArea />);
    const table = await waitFor(() => {
      const found = document.getElementById('completeness-table');
      expect(found).toBeTruthy();
      return found!;
    });
    const kyRow = within(table).getByRole('rowheader', { name: 'Кыргызча' }).closest('tr')!;
    expect([...kyRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '2', '1']);
    expect(document.getElementById('language-ky')!.textContent).toContain('0 of 2 approved, 1 stale');
    expect(within(document.getElementById('language-ky')!).queryByRole('button')).toBeNull();
    const kk = document.getElementById('language-kk')!;
    expect(within(kk).getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe('/api/strategy/guide/editions/kk/1?format=pdf');
    fireEvent.click(within(kk).getByRole('button', { name: /^Publish the next edition \( ?Қазақша ?\)$/ }));
    await waitFor(() => expect(screen.getByText('Edition 2 is published.')).toBeTruthy());
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/strategy/guide/editions/kk')).toBe(true);
    // translators: assigned by name, the picker offers the others
    const panel = document.getElementById('translators')!;
    await waitFor(() => expect(panel.querySelector('.guide-translator span')?.textContent).toBe('Aigul'));
    expect(within(panel).getByRole('button', { name: /^Take off Aigul \( ?Кыргызча ?\)$/ })).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Language'), { target: { value: 'ky' } });
    const people = within(panel).getByLabelText('Person (active, with the translator role)') as HTMLSelectElement;
    expect([...people.options].map((o) => o.textContent)).toEqual(['Choose…', 'Bek']);
    expect(document.getElementById('source-sections')).toBeTruthy();
  });
});

describe('returning a translation', () => {
  beforeEach(() => {
    translator.value = new Translator('en', { en: { ...en, ...enGuide } });
  });

  it('sends the coordinator\'s comment with the return', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coordinator' };
    routeArgs.value = ['ky'];
    const calls = service();
    render(<GuideArea />);
    const ifis = await waitFor(() => {
      const found = document.getElementById('section-ifis');
      expect(found && within(found).queryByRole('button', { name: 'Return to the translator' })).toBeTruthy();
      return found!;
    });
    fireEvent.input(within(ifis).getByLabelText('Comment for the translator (optional)'), { target: { value: ' Use the glossary ' } });
    fireEvent.click(within(ifis).getByRole('button', { name: 'Return to the translator' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/ifis/translations/ky/return'))).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/return'))?.body).toEqual({ comment: 'Use the glossary' });
    await waitFor(() => expect(within(ifis).getByText('Returned to the translator as a draft.')).toBeTruthy());
  });
});

describe('the translation workspace in Kyrgyz', () => {
  beforeEach(() => {
    translator.value = new Translator('ky', { ky: { ...ky, ...kyGuide }, ru: { ...ru, ...ruGuide }, en: { ...en, ...enGuide } });
  });

  it('offers the coordinator approval of a submitted section, in Kyrgyz, and nothing to write', async () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-coordinator' };
    routeArgs.value = ['ky'];
    const calls = service();
    render(<GuideArea />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Котормо иш орду' })).toBeTruthy();
    const ifis = document.getElementById('section-ifis')!;
    expect(within(ifis).getByText('Текшерүүдө')).toBeTruthy();
    const approve = await waitFor(() => within(ifis).getByRole('button', { name: 'Бекитүү' }));
    expect(within(ifis).getByRole('button', { name: 'Котормочуга кайтаруу' })).toBeTruthy();
    expect(within(ifis).queryByRole('button', { name: 'Долбоорду сактоо' })).toBeNull();
    expect(within(document.getElementById('section-intro')!).getByText('Эскирди')).toBeTruthy();
    fireEvent.click(approve);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/ifis/translations/ky/approve'))).toBe(true));
    await waitFor(() => expect(within(ifis).getByText('Бекитилди.')).toBeTruthy());
  });
});
