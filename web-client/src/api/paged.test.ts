import { describe, expect, it } from 'vitest';
import { pagedOf } from './paged';

describe('pagedOf', () => {
  it('keeps a whole page as it came', () => {
    const page = { number: 2, size: 20, totalElements: 41, totalPages: 3 };
    expect(pagedOf({ content: ['a'], page })).toEqual({ content: ['a'], page });
  });

  it('reads an answer without content or page as an empty first page', () => {
    expect(pagedOf({})).toEqual({ content: [], page: { number: 0, size: 0, totalElements: 0, totalPages: 0 } });
  });

  it('counts what came when the page part is missing', () => {
    expect(pagedOf({ content: ['a', 'b'] }).page).toEqual({ number: 0, size: 2, totalElements: 2, totalPages: 1 });
  });
});
