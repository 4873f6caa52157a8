import { describe, expect, it } from 'vitest';
import { chartsOf, percent, standingOf } from './charts';
import { PROGRESS } from './progress.fixture';


describe('the dashboard\'s charts from a progress answer', () => {
  const charts = chartsOf(PROGRESS, (code) => `country ${code}`, (key) => key);

  it('has one chart per target, in the plan\'s order', () => {
    expect(charts.map((chart) => chart.id)).toEqual([
      'experts-per-country', 'experts-total', 'countries-covered', 'discussion-organisations', 'discussion-countries',
    ]);
  });

  it('puts every Central Asian country on the per-country chart with its target and standing', () => {
    const rows = charts[0]!.rows;
    expect(rows.map((row) => [row.label, row.value, row.min, row.max, row.standing])).toEqual([
      ['country KZ', 2, 1, 3, 'within'],
      ['country KG', 0, 1, 3, 'below'],
      ['country TJ', 0, 1, 3, 'below'],
      ['country TM', 0, 1, 3, 'below'],
      ['country UZ', 4, 1, 3, 'above'],
    ]);
    // room for the largest value and the whole target band
    expect(charts[0]!.scale).toBe(4);
  });

  it('draws totals and discussions against their ranges; countries at discussions are "at least 4"', () => {
    expect(charts[1]!.rows[0]).toMatchObject({ value: 4, min: 10, max: 15, standing: 'below' });
    expect(charts[1]!.scale).toBe(15);
    expect(charts[2]!.rows[0]).toMatchObject({ value: 2, min: 2, max: 4, standing: 'within' });
    expect(charts[3]!.rows[0]).toMatchObject({ value: 7, min: 20, max: 30, standing: 'below' });
    expect(charts[4]!.rows[0]).toMatchObject({ value: 3, min: 4, max: null, standing: 'below' });
    expect(charts[4]!.scale).toBe(5);
  });

  it('leaves out the discussion charts while discussions are not tracked', () => {
    const untracked = chartsOf({ ...PROGRESS, discussion: { ...PROGRESS.discussion, tracked: false } }, (c) => c, (k) => k);
    expect(untracked.map((chart) => chart.id)).toEqual(['experts-per-country', 'experts-total', 'countries-covered']);
  });

  it('says where a number stands and keeps bars within the track', () => {
    expect(standingOf(1, 1, 3)).toBe('within');
    expect(standingOf(3, 1, 3)).toBe('within');
    expect(standingOf(4, 4, null)).toBe('within');
    expect(standingOf(40, 4, null)).toBe('within');
    expect(percent(5, 10)).toBe(50);
    expect(percent(12, 10)).toBe(100);
    expect(percent(-1, 10)).toBe(0);
  });

  it('reads an answer with parts left out (the service leaves out nulls) without failing', () => {
    const partial = chartsOf({ experts: { total: 3, perCountry: [{ country: 'KZ', experts: 3 }, { experts: 1 }] } }, (code) => code, (key) => key);
    expect(partial.map((chart) => chart.id)).toEqual(['experts-per-country', 'experts-total', 'countries-covered']);
    expect(partial[0]!.rows.map((row) => [row.label, row.value, row.min, row.max])).toEqual([['KZ', 3, 0, null]]);
    expect(partial[1]!.rows.map((row) => [row.value, row.min, row.max, row.standing])).toEqual([[3, 0, null, 'within']]);
    expect(partial[2]!.rows.map((row) => row.value)).toEqual([0]);
  });
});
