import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/preact';
import Research from './index';
import { routeArgs } from '../../app/router';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { research as enResearch } from '../../i18n/messages/en/research';
import { research as ruResearch } from '../../i18n/messages/ru/research';
import { fakeGateway, paged } from '../people/fakeGateway';

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const INSTITUTIONS = paged([
  { id: 'wb', name: 'World Bank', kind: 'ifi', standards: 2, mechanism: 'Accountability Mechanism' },
  { id: 'ebrd', name: 'EBRD', kind: 'ifi', standards: 1, mechanism: 'Independent Project Accountability Mechanism' },
]);

function gateway() {
  return fakeGateway({
    'GET /api/research/institutions': { body: INSTITUTIONS },
    'GET /api/research/institutions/wb': {
      body: {
        id: 'wb', name: 'World Bank', kind: 'ifi',
        standards: [
          { id: 'ess10', title: 'ESS10 Stakeholder Engagement', year: 2018, version: 1,
            source: { url: 'https://www.worldbank.org/ess', confidence: 'high', unverified: false } },
          { id: 'access', title: 'Access to Information Policy', year: 2015, version: 1,
            source: { url: 'javascript:alert(1)', confidence: 'medium', unverified: true } },
        ],
        mechanism: { name: 'Accountability Mechanism', established: '2020', eligibilityNote: 'Two or more people',
          eligibilityConfidence: 'low', source: { url: 'https://www.worldbank.org/am', confidence: 'high' } },
      },
    },
    'GET /api/research/coverage': {
      body: {
        countries: ['KG', 'KZ'], institutionIds: ['wb', 'ebrd'], gaps: 1,
        cells: [
          { institutionId: 'wb', country: 'KG', strand: 'STANDARDS_AND_RULES', acceptedFindings: 2, gap: false },
          { institutionId: 'ebrd', country: 'KZ', strand: 'STANDARDS_AND_RULES', acceptedFindings: 0, gap: true },
        ],
      },
    },
    'GET /api/research/search': (call) => ({
      body: call.query.get('q') === 'стандартов'
        ? paged([{ kind: 'standard', id: 'wb/ess10', institutionId: 'wb', title: 'Стандарты раскрытия', snippet: 'Банк раскрывает стандарт' }])
        : paged([]),
    }),
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  routeArgs.value = [];
});

describe('the research area', () => {
  it('shows an institution\'s standards with their sources, links only http(s), and says UNVERIFIED in words', async () => {
    translator.value = new Translator('en', { en: { ...en, ...enResearch } });
    gateway();
    routeArgs.value = ['institutions', 'wb'];
    render(<Research />);
    await screen.findByText('ESS10 Stakeholder Engagement (2018)');
    const standards = document.getElementById('standards-list')!;
    expect(within(standards).getByRole('link', { name: 'Source: www.worldbank.org' }).getAttribute('href')).toBe('https://www.worldbank.org/ess');
    expect(within(standards).getByText('Unverified — to be checked')).toBeTruthy();
    expect(within(standards).getAllByRole('link')).toHaveLength(1); // the javascript: address stays text
    expect(standards.textContent).toContain('Confidence: medium');
    expect(screen.getByRole('heading', { name: 'Accountability mechanism: Accountability Mechanism' })).toBeTruthy();
    expect(document.body.textContent).toContain('Two or more people (Confidence: low)');
  });

  it('draws the coverage as a table with the count in every cell and gaps in words', async () => {
    translator.value = new Translator('en', { en: { ...en, ...enResearch } });
    gateway();
    routeArgs.value = ['coverage'];
    render(<Research />);
    const table = await screen.findByRole('table', { name: /Accepted findings by institution and country \(1 gap without any finding\)/ });
    const rows = within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['Institution', 'Kyrgyzstan', 'Kazakhstan']);
    expect(rows[1]).toEqual(['World Bank', '2', '0']);
    expect(rows[2]).toEqual(['EBRD', '0', '0gap']);
    expect(table.querySelector('td.heat-4')?.textContent).toBe('2');
  });

  it('searches in Russian and marks the words that matched', async () => {
    translator.value = new Translator('ru', { ru: { ...ru, ...ruResearch }, en: { ...en, ...enResearch } });
    const calls = gateway();
    routeArgs.value = ['search'];
    render(<Research />);
    fireEvent.input(screen.getByLabelText('Слова для поиска'), { target: { value: 'стандартов' } });
    fireEvent.click(screen.getByRole('button', { name: 'Найти' }));
    await screen.findByText('1 результат по запросу «стандартов»');
    const results = document.getElementById('search-results')!;
    expect([...results.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Стандарты', 'стандарт']);
    expect(within(results).getByRole('link').getAttribute('href')).toBe('#/research/institutions/wb');
    expect(calls.called('GET', '/api/research/search')[0]!.query.get('q')).toBe('стандартов');
  });
});
