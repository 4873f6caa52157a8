import { describe, expect, it } from 'vitest';
import { MAX_EDITS, changed, wordDiff, words, type DiffPart } from './diff';

/** The older text, from the parts: what stayed (compared by words) and what was removed. */
// runs are joined with a space: a removed last word meets the next run without one (the screen puts one between)
const before = (parts: readonly DiffPart[]) => parts.filter((p) => p.op !== 'added').map((p) => p.text).join(' ');
const after = (parts: readonly DiffPart[]) => parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('');
const edits = (parts: readonly DiffPart[]) => parts.filter((p) => p.op !== 'same').reduce((n, p) => n + words(p.text).length, 0);

describe('words', () => {
  it('keeps the whitespace after each word, and leading whitespace as its own token', () => {
    expect(words('  one two\nthree ')).toEqual(['  ', 'one ', 'two\n', 'three ']);
    expect(words('')).toEqual([]);
  });
});

describe('word diff', () => {
  it('is one unchanged run for equal texts', () => {
    expect(wordDiff('Open budgets now', 'Open budgets now')).toEqual([{ op: 'same', text: 'Open budgets now' }]);
    expect(changed(wordDiff('a b', 'a b'))).toBe(false);
  });

  it('marks a replaced word as removed then added, between unchanged runs', () => {
    expect(wordDiff('Consult CSOs in three countries', 'Consult CSOs in four countries')).toEqual([
      { op: 'same', text: 'Consult CSOs in ' },
      { op: 'removed', text: 'three ' },
      { op: 'added', text: 'four ' },
      { op: 'same', text: 'countries' },
    ]);
  });

  it('finds insertions and deletions in the middle', () => {
    expect(wordDiff('a b c d', 'a c d e')).toEqual([
      { op: 'same', text: 'a ' },
      { op: 'removed', text: 'b ' },
      { op: 'same', text: 'c d ' },
      { op: 'added', text: 'e' },
    ]);
  });

  it('treats everything as added from an empty text and removed to one', () => {
    expect(wordDiff('', 'new words')).toEqual([{ op: 'added', text: 'new words' }]);
    expect(wordDiff('old words', '')).toEqual([{ op: 'removed', text: 'old words' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('ignores re-wrapping: only the words are compared', () => {
    expect(changed(wordDiff('one two\nthree', 'one  two three'))).toBe(false);
  });

  it('works on Cyrillic and Markdown words', () => {
    const parts = wordDiff('Риски **репрессий** для участников', 'Риски **репрессий** для организаций');
    expect(parts).toEqual([
      { op: 'same', text: 'Риски **репрессий** для ' },
      { op: 'removed', text: 'участников' },
      { op: 'added', text: 'организаций' },
    ]);
  });

  it('rebuilds both texts from its parts and is a shortest script (random texts)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const text = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(random() * 5)]).join(' ');
    for (let run = 0; run < 200; run++) {
      const a = text(Math.floor(random() * 12));
      const b = text(Math.floor(random() * 12));
      const parts = wordDiff(a, b);
      expect(before(parts).split(/\s+/).filter(Boolean)).toEqual(a.split(' ').filter(Boolean));
      expect(after(parts)).toBe(b);
      expect(edits(parts)).toBe(lcsEdits(a.split(' ').filter(Boolean), b.split(' ').filter(Boolean)));
    }
  });

  it('stays quick for long texts, and falls back to all removed / all added past the edit limit', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const started = performance.now();
    const parts = wordDiff(long, long.replace('word1500', 'changed'));
    expect(parts.filter((p) => p.op !== 'same')).toEqual([{ op: 'removed', text: 'word1500 ' }, { op: 'added', text: 'changed ' }]);
    const other = Array.from({ length: MAX_EDITS }, (_, i) => `other${i}`).join(' ');
    const replaced = wordDiff(long, other);
    expect(replaced.map((p) => p.op)).toEqual(['removed', 'added']);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

/** Edits of a shortest script by the textbook LCS table: n + m − 2·LCS. */
function lcsEdits(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (table[i - 1] as number[])[j - 1] as number + 1 : Math.max((table[i - 1] as number[])[j] as number, row[j - 1] as number);
    }
  }
  return a.length + b.length - 2 * ((table[a.length] as number[])[b.length] as number);
}
