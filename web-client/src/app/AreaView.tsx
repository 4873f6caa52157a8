import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { areaLoaders } from './router';
import type { Area } from './nav';
import { t } from '../i18n/i18n';
import { problemMessage, ApiError } from '../api/problems';
import { reportUnreachable } from '../api/connectivity';

/** Loads an area's chunk, then shows it and moves focus to its heading (screen readers hear the change). */
export function AreaView({ area }: { readonly area: Area }) {
  const [view, setView] = useState<{ area: Area; component: ComponentType } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setFailed(null);
    areaLoaders[area]()
      .then((module) => current && setView({ area, component: module.default }))
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
  const Component = view.component;
  return <Component />;
}
