// What the research screens show, as pure functions: the coverage matrix as rows of counts with a heat level,
// the words of a search found in a text, and which source addresses may become links.
import type { Coverage, Strand } from './api';

export interface MatrixCell {
  readonly country: string;
  readonly count: number;
  /** 0 (none) … 4 (the most in the matrix), for the shade; the number is always shown too */
  readonly level: number;
  /** the service marks a gap: a target institution and country with no accepted finding yet */
  readonly gap: boolean;
}

export interface MatrixRow {
  readonly institutionId: string;
  readonly cells: readonly MatrixCell[];
  readonly total: number;
}

export interface Matrix {
  readonly countries: readonly string[];
  readonly rows: readonly MatrixRow[];
  readonly max: number;
}

/** Four shades above zero, relative to the largest count (1 finding in a matrix whose largest is 1 is the darkest). */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** Institutions × countries, accepted findings summed over the strands (or of one strand). */
export function coverageMatrix(coverage: Coverage, strand: Strand | '' = ''): Matrix {
  const countries = coverage.countries ?? [];
  const institutions = coverage.institutionIds ?? [];
  const counts = new Map<string, { count: number; gap: boolean }>();
  for (const cell of coverage.cells ?? []) {
    if (strand !== '' && cell.strand !== strand) continue;
    const key = `${cell.institutionId}|${cell.country}`;
    const before = counts.get(key) ?? { count: 0, gap: false };
    counts.set(key, { count: before.count + (cell.acceptedFindings ?? 0), gap: before.gap || cell.gap === true });
  }
  let max = 0;
  for (const { count } of counts.values()) max = Math.max(max, count);
  const rows = institutions.map((institutionId) => {
    const cells = countries.map((country) => {
      const found = counts.get(`${institutionId}|${country}`) ?? { count: 0, gap: false };
      return { country, count: found.count, gap: found.gap && found.count === 0, level: heatLevel(found.count, max) };
    });
    return { institutionId, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
  });
  return { countries, rows, max };
}

// The service's search form of words (platform-kit SearchWords): lower case, marks removed after decomposition
// (ё → е, й → и; Kazakh and Kyrgyz letters such as қ ө ү ң stay), one common ending dropped from a query word when
// four letters remain, and a query stem must begin a word of the text. Highlighting follows the same rule, so the
// words marked are the words that made the result match.
const CYRILLIC_ENDINGS = ['иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'иях', 'ях', 'ах', 'ов', 'ев',
  'ей', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ом', 'ем', 'ам', 'ям', 'ию', 'ия', 'ии',
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'о', 'ь'];
const LATIN_ENDINGS = ['ies', 'ing', 'es', 'ed', 's', 'y'];
const MIN_STEM = 4;
/** below this a query word must be a whole word ("EU" finds "EU", not every word starting with "eu") */
const MIN_PREFIX = 3;

export function searchForm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function stem(word: string): string {
  const endings = /\p{Script=Cyrillic}/u.test(word) ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
  const ending = endings.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= MIN_STEM);
  return ending ? word.substring(0, word.length - ending.length) : word;
}

/** The query's stems, as the service looks for them. */
export function queryStems(query: string): string[] {
  return [...new Set(searchForm(query).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '').map(stem))];
}

export interface Segment {
  readonly text: string;
  readonly found: boolean;
}

/** The text cut into words the query found and the rest (a word is found when a query stem begins it). */
export function highlight(text: string, query: string): Segment[] {
  const stems = queryStems(query);
  const segments: Segment[] = [];
  const push = (part: string, found: boolean) => {
    const previous = segments[segments.length - 1];
    if (previous && previous.found === found) segments[segments.length - 1] = { text: previous.text + part, found };
    else segments.push({ text: part, found });
  };
  for (const part of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
    if (part === '') continue;
    const word = searchForm(part);
    const found = /[\p{L}\p{N}]/u.test(word) && stems.some((s) => (s.length < MIN_PREFIX ? word === s : word.startsWith(s)));
    push(part, found);
  }
  return segments;
}
