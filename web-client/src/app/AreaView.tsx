import { useEffect, useState } from 'preact/hooks';
import { Component, type ComponentChildren, type ComponentType } from 'preact';
import { areaLoaders } from './router';
import { AREA_PARTS, type Area } from './nav';
import { loadParts, t } from '../i18n/i18n';
import { problemMessage, ApiError } from '../api/problems';
import { reportUnreachable } from '../api/connectivity';

/** Loads an area's chunk, then shows it and moves focus to its heading (screen readers hear the change). */
export function AreaView({ area }: { readonly area: Area }) {
  const [view, setView] = useState<{ area: Area; component: ComponentType } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setFailed(null);
    // the area's chunk and its messages in the current language come together
    Promise.all([areaLoaders[area](), loadParts(AREA_PARTS[area] ?? [])])
      .then(([module]) => current && setView({ area, component: module.default }))
      .catch(() => {
        // a chunk that cannot be fetched means the connection is gone
        reportUnreachable();
        if (current) setFailed(new ApiError(0, null, null, true));
      });
    return () => {
      current = false;
    };
  }, [area]);

  useEffect(() => {
    if (view?.area === area) document.getElementById('area-title')?.focus();
  }, [view, area]);

  if (failed !== null) return <p role="alert">{problemMessage(failed, t)}</p>;
  if (view?.area !== area) return <p role="status">{t('shell.loading')}</p>;
  const Screen = view.component;
  return <ScreenBoundary key={area}><Screen /></ScreenBoundary>;
}

/**
 * A screen that fails while drawing says so in words instead of freezing on what it showed before (which
 * would look as if an action had done nothing); the rest of the app keeps working.
 */
export class ScreenBoundary extends Component<{ readonly children: ComponentChildren }, { readonly broken: boolean }> {
  override state = { broken: false };

  static override getDerivedStateFromError() {
    return { broken: true };
  }

  override render() {
    return this.state.broken ? <p role="alert" class="error">{t('error.unknown')}</p> : this.props.children;
  }
}
