// A word-level diff (Myers' O((N+M)·D) algorithm) between two texts: what stayed, what was removed and
// what was added, each run in the order a reader expects (within a change, the removed words before the
// added ones). Whitespace travels with the word before it and is not compared, so re-wrapping a paragraph
// is no change; the words shown for unchanged runs are the newer text's.

export type DiffOp = 'same' | 'removed' | 'added';

export interface DiffPart {
  readonly op: DiffOp;
  readonly text: string;
}

/** Beyond this many edits the texts are shown as all removed and all added (bounded time and memory). */
export const MAX_EDITS = 2000;

/** The text as words, each with the whitespace after it (leading whitespace is a token of its own). */
export function words(text: string): string[] {
  const leading = /^\s+/.exec(text)?.[0];
  const rest = text.match(/\S+\s*/g) ?? [];
  return leading ? [leading, ...rest] : rest;
}

const key = (token: string) => token.trimEnd();

/** The shortest edit script between a and b (compared by key) as ops, in order. */
function myers(a: readonly string[], b: readonly string[]): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
        ? (v[offset + k + 1] as number)
        : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && key(a[x] as string) === key(b[y] as string)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    // V for k in -d..d after round d, which the walk back needs
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number) => previous[k + d - 1] as number; // previous holds k in -(d-1)..d-1
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('same');
      x--;
      y--;
    }
    ops.push(down ? 'added' : 'removed');
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    ops.push('same');
    x--;
    y--;
  }
  return ops.reverse();
}

/** The differences between two texts, word by word, as runs of same / removed / added text. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  // the common start and end cost nothing and shrink the search
  let start = 0;
  while (start < a.length && start < b.length && key(a[start] as string) === key(b[start] as string)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1] as string) === key(b[endB - 1] as string)) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB)
    ?? [...middleA.map((): DiffOp => 'removed'), ...middleB.map((): DiffOp => 'added')];

  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  };
  const flushChange = () => {
    push('removed', removed);
    push('added', added);
    removed = '';
    added = '';
  };
  for (let i = 0; i < start; i++) push('same', b[i] as string);
  let ia = 0;
  let ib = 0;
  for (const op of middle) {
    if (op === 'same') {
      flushChange();
      push('same', middleB[ib] as string);
      ia++;
      ib++;
    } else if (op === 'removed') {
      removed += middleA[ia++] as string;
    } else {
      added += middleB[ib++] as string;
    }
  }
  flushChange();
  for (let i = endB; i < b.length; i++) push('same', b[i] as string);
  return parts;
}

/** True when the diff shows any change. */
export function changed(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.op !== 'same');
}
