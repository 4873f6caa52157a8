import { describe, expect, it } from 'vitest';
import { coverageMatrix, heatLevel, highlight, queryStems } from './logic';
import type { Coverage } from './api';

const marked = (text: string, query: string) =>
  highlight(text, query).filter((segment) => segment.found).map((segment) => segment.text);

describe('search highlighting follows the service\'s word rule', () => {
  it('marks words that a query stem begins, in any case and script', () => {
    expect(marked('Стандарты МФК и стандарт ЕБРР', 'стандартов')).toEqual(['Стандарты', 'стандарт']);
    expect(marked('Policy on access to information; policies', 'policies')).toEqual(['Policy', 'policies']);
    expect(marked('Қазақстан қоғамы', 'қоғам')).toEqual(['қоғамы']);
  });

  it('folds marks as the service does (ё → е, й → и) and keeps the text as written', () => {
    expect(marked('Её решённый вопрос', 'решенныи')).toEqual(['решённый']);
    expect(highlight('Её решённый вопрос', 'решенныи').map((segment) => segment.text).join('')).toBe('Её решённый вопрос');
  });

  it('matches short query words only as whole words', () => {
    expect(marked('EU and Europe, eu', 'EU')).toEqual(['EU', 'eu']);
  });

  it('takes regular-expression characters in the query as plain text', () => {
    expect(marked('a (b) c.* [d]', '(b) .* [d]')).toEqual(['b', 'd']);
    expect(marked('price 100 (USD)', '100)')).toEqual(['100']);
    expect(() => highlight('x', '[(*')).not.toThrow();
  });

  it('marks nothing for an empty query and keeps every character', () => {
    expect(highlight('text', '')).toEqual([{ text: 'text', found: false }]);
    expect(highlight('', 'x')).toEqual([]);
    expect(queryStems('  ')).toEqual([]);
  });
});

describe('the coverage heat map', () => {
  const coverage: Coverage = {
    countries: ['KG', 'KZ'],
    institutionIds: ['wb', 'ebrd'],
    cells: [
      { institutionId: 'wb', country: 'KG', strand: 'STANDARDS_AND_RULES', acceptedFindings: 3, gap: false },
      { institutionId: 'wb', country: 'KG', strand: 'ADVOCACY_TOOLS_AND_PRACTICES', acceptedFindings: 1, gap: false },
      { institutionId: 'wb', country: 'KZ', strand: 'STANDARDS_AND_RULES', acceptedFindings: 1, gap: false },
      { institutionId: 'ebrd', country: 'KZ', strand: 'STANDARDS_AND_RULES', acceptedFindings: 0, gap: true },
    ],
  };

  it('sums the strands per institution and country, with zero where nothing was found', () => {
    const matrix = coverageMatrix(coverage);
    expect(matrix.rows.map((row) => row.cells.map((cell) => cell.count))).toEqual([[4, 1], [0, 0]]);
    expect(matrix.rows.map((row) => row.total)).toEqual([5, 0]);
    expect(matrix.max).toBe(4);
    expect(matrix.rows[1]!.cells[1]!.gap).toBe(true);
    expect(matrix.rows[1]!.cells[0]!.gap).toBe(false);
  });

  it('counts one strand alone when asked', () => {
    expect(coverageMatrix(coverage, 'ADVOCACY_TOOLS_AND_PRACTICES').rows[0]!.cells.map((cell) => cell.count)).toEqual([1, 0]);
  });

  it('shades in four steps relative to the largest count, none for zero', () => {
    expect([0, 1, 2, 3, 4].map((count) => heatLevel(count, 4))).toEqual([0, 1, 2, 3, 4]);
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(0, 0)).toBe(0);
  });

  it('draws an empty matrix when the service has no cells', () => {
    expect(coverageMatrix({}).rows).toEqual([]);
  });
});
