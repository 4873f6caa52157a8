// The back office's own navigation between its tools, shown on each of its screens.
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';

export const TOOLS = ['erasure', 'audit', 'deliveries', 'templates'] as const;
export type Tool = (typeof TOOLS)[number];

const TOOL_NAMES: Readonly<Record<Tool, MessageKey>> = {
  erasure: 'admin.nav.erasure',
  audit: 'admin.nav.audit',
  deliveries: 'admin.nav.deliveries',
  templates: 'admin.nav.templates',
};

/** The back office's own navigation, on every screen of it; the current tool marked for screen readers too. */
export function AdminNav({ current }: { readonly current: Tool | null }) {
  return (
    <nav aria-label={t('admin.nav')} class="admin-nav">
      <ul>
        {TOOLS.map((tool) => (
          <li key={tool}>
            <a href={hrefOf('admin', tool)} aria-current={current === tool ? 'page' : undefined}>{t(TOOL_NAMES[tool])}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function isTool(value: string): value is Tool {
  return (TOOLS as readonly string[]).includes(value);
}
