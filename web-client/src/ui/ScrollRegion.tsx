// A wide table's box that scrolls sideways on a phone.
import type { ComponentChildren } from 'preact';

/**
 * A wide table's scrolling box: a named region that takes keyboard focus, so a keyboard alone can scroll
 * it sideways at 360 px when the table holds nothing focusable (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>
  );
}
