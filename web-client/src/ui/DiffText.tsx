// Words compared (src/ui/diff.ts) shown as text with <del>/<ins>; struck through and underlined, not colour only,
// and each change named for screen readers ("removed: …", "added: …") in the person's language.
import { Fragment } from 'preact';
import type { DiffPart } from './diff';

export function DiffText({ parts, removed, added }: {
  readonly parts: readonly DiffPart[];
  /** what a screen reader hears before removed and added words */
  readonly removed: string;
  readonly added: string;
}) {
  return (
    <p class="diff">
      {parts.map((part, i) => {
        const previous = parts[i - 1];
        // a space between two changed runs that would otherwise run together
        const gap = previous && previous.op !== 'same' && part.op !== 'same' && !/\s$/.test(previous.text) ? ' ' : '';
        if (part.op === 'same') return <Fragment key={i}>{part.text}</Fragment>;
        const Mark = part.op === 'removed' ? 'del' : 'ins';
        return (
          <Fragment key={i}>
            {gap}
            <Mark>
              <span class="visually-hidden">{`${part.op === 'removed' ? removed : added}: `}</span>
              {part.text}
            </Mark>
          </Fragment>
        );
      })}
    </p>
  );
}
