// The strategy (issue 14): #/strategy lists the versions (a coordinator starts the next draft; any two can be
// compared), #/strategy/<n> is one version (a draft is edited by coordinators, then adopted; an adopted
// version is read-only), #/strategy/compare/<a>/<b> shows what changed between two versions word by word.
// Members read; the service decides anyway (StrategyController: reads for members, the rest coordinators).
import { useLayoutEffect } from 'preact/hooks';
import { hrefOf, routeArgs } from '../../app/router';
import { useDateTime } from '../../dates/useDateTime';
import { viewerZone } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { listVersions, startDraft, type VersionSummary } from './api';
import { canStartDraft } from './logic';
import { VersionScreen } from './VersionScreen';
import { CompareForm } from './CompareForm';
import { isCoordinator, NotMember } from './shared';
import './strategy.css';

export default function StrategyArea() {
  const [first, second, third] = routeArgs.value;
  const coordinator = isCoordinator();
  if (first === 'compare') return <Compare from={second} to={third} />;
  if (first !== undefined && /^\d{1,6}$/.test(first)) return <VersionScreen key={first} number={Number(first)} coordinator={coordinator} />;
  return <VersionsScreen coordinator={coordinator} />;
}

/** The comparison (and the diff it needs) is its own chunk, loaded when a comparison is opened. */
function Compare({ from, to }: { readonly from: string | undefined; readonly to: string | undefined }) {
  const [module, retry] = useLoad(() => import('./CompareScreen'), []);
  if (module.state === 'ready') return <module.data.CompareScreen from={from} to={to} />;
  return <Page title={t('strategy.compare')}>{module.state === 'failed' ? <NotMember error={module.error} retry={retry} /> : <Loading />}</Page>;
}

function VersionsScreen({ coordinator }: { readonly coordinator: boolean }) {
  const [versions, reload] = useLoad(listVersions, []);
  // the new draft opens at once; a 409 (someone started one meanwhile) says so and the list is read again
  const start = useAction(async () => {
    try {
      const draft = await startDraft();
      window.location.hash = hrefOf('strategy', String(draft.version));
    } catch (failure) {
      reload();
      throw failure;
    }
  });
  // back from a version (the same area, so the shell does not move focus): the list's heading
  useLayoutEffect(() => document.getElementById('area-title')?.focus(), []);

  return (
    <Page title={t('strategy.title')}>
      <p>{t('strategy.intro')}</p>
      {versions.state === 'loading' && <Loading />}
      {versions.state === 'failed' && <NotMember error={versions.error} retry={reload} />}
      {versions.state === 'ready' && (
        <>
          {canStartDraft(coordinator, versions.data) && (
            <div class="actions">
              <button
                type="button"
                class="primary"
                id="start-draft"
                disabled={start.busy}
                onClick={() => void start.run()}
              >
                {start.busy ? t('strategy.starting') : versions.data.length ? t('strategy.startNext') : t('strategy.startFirst')}
              </button>
            </div>
          )}
          <ProblemAlert error={start.error} />
          <section aria-labelledby="strategy-versions-title">
            <h2 id="strategy-versions-title">{t('strategy.versions')}</h2>
            <VersionList versions={versions.data} />
          </section>
          {versions.data.length >= 2 && <CompareForm versions={versions.data} />}
        </>
      )}
    </Page>
  );
}

function VersionList({ versions }: { readonly versions: readonly VersionSummary[] }) {
  const format = useDateTime();
  const zone = viewerZone();
  if (versions.length === 0) return <p id="strategy-versions">{t('strategy.noVersions')}</p>;
  return (
    <ol id="strategy-versions" class="strategy-versions" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.version}>
          <a href={hrefOf('strategy', String(v.version))}>{t('strategy.versionName', { number: v.version ?? 0 })}</a>
          {' '}
          <span class={v.status === 'ADOPTED' ? 'version-status adopted' : 'version-status draft'}>
            {v.status === 'ADOPTED' ? t('strategy.status.ADOPTED') : t('strategy.status.DRAFT')}
          </span>
          <span class="meta">
            {v.status === 'ADOPTED' && v.adoptedAt
              ? t('strategy.adoptedOn', { when: format(new Date(v.adoptedAt), zone) })
              : v.changedAt ? t('strategy.changedOn', { when: format(new Date(v.changedAt), zone) }) : ''}
            {v.basedOn ? ` · ${t('strategy.basedOn', { number: v.basedOn })}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
