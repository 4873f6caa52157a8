// Every screen is one section named by its h1; the shell moves focus to #area-title when the area opens,
// so screen readers announce the new screen.
import type { ComponentChildren } from 'preact';

export function Page({ title, children }: { readonly title: string; readonly children: ComponentChildren }) {
  return (
    <section aria-labelledby="area-title" class="page">
      <h1 id="area-title" tabIndex={-1}>{title}</h1>
      {children}
    </section>
  );
}
