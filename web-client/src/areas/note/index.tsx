// The analytical note: the next version as it would be published (with what would change), publishing it
// (coordinators), the published versions with what changed in each, and downloads in four formats.
// #/note, #/note/versions/<n>
import { useState } from 'preact/hooks';
import { account } from '../../api/auth';
import { hrefOf, routeArgs } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { useDateTime } from '../../dates/useDateTime';
import { viewerZone } from '../../dates/zones';
import { DiffText } from '../../ui/DiffText';
import { getDraft, getVersion, listVersions, publishVersion, type Changes, type VersionSummary } from './api';
import { changeRows, findingsOf, publishOffered, type ChangeRow } from './logic';
import { Downloads } from './Downloads';
import { NoteContent } from './NoteContent';
import './note.css';

function roles(): readonly string[] {
  const current = account.value;
  return current.state === 'signedIn' ? current.roles : [];
}

function ChangeList({ rows, id }: { readonly rows: readonly ChangeRow[]; readonly id: string }) {
  if (rows.length === 0) return <p>{t('note.noChanges')}</p>;
  return (
    <ul class="note-changes" id={id}>
      {rows.map((row) => (
        <li key={`${row.kind}-${row.findingId}`} class={`note-change note-${row.kind}`}>
          <p class="note-change-head">
            <strong>{t(`note.change.${row.kind}`)}</strong>
            {` ${row.where}`}
            {row.kind === 'changed' && ` · ${t('note.changedVersions', { from: row.from, to: row.to })}`}
          </p>
          {row.kind === 'changed' && row.what.length > 0 && <p class="meta">{t('note.what', { what: row.what.join(', ') })}</p>}
          {row.kind === 'changed'
            ? <DiffText parts={row.statement} removed={t('note.removedWords')} added={t('note.addedWords')} />
            : row.statement && (row.kind === 'removed' ? <p><del>{row.statement}</del></p> : <p>{row.statement}</p>)}
        </li>
      ))}
    </ul>
  );
}

/** The versions a change is read from: this one and the one before it (for the earlier statements). */
function useChanges(changes: Changes | undefined, now: Parameters<typeof findingsOf>[0]) {
  const previous = changes?.previousNumber;
  const [before] = useLoad(async () => (previous ? (await getVersion(previous)).institutionParts : []), [previous]);
  if (before.state !== 'ready') return before.state === 'failed' ? changeRows(changes, findingsOf(now), new Map()) : null;
  return changeRows(changes, findingsOf(now), findingsOf(before.data));
}

function VersionList({ versions }: { readonly versions: readonly VersionSummary[] }) {
  const format = useDateTime();
  const zone = viewerZone();
  if (versions.length === 0) return <p>{t('note.noVersions')}</p>;
  return (
    <div class="table-scroll">
      <table id="note-versions">
        <caption class="visually-hidden">{t('note.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('note.version')}</th>
            <th scope="col">{t('note.published')}</th>
            <th scope="col">{t('note.contents')}</th>
            <th scope="col">{t('note.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((version) => (
            <tr key={version.number}>
              <th scope="row"><a href={hrefOf('note', 'versions', String(version.number))}>{t('note.versionNumber', { number: version.number ?? 0 })}</a></th>
              <td>{version.publishedAt ? format(new Date(version.publishedAt), zone) : ''}</td>
              <td>{t('note.counts', { findings: version.findings ?? 0, institutions: version.institutions ?? 0, countries: version.countries ?? 0 })}</td>
              <td>{t('note.changeCounts', { added: version.added ?? 0, removed: version.removed ?? 0, changed: version.changed ?? 0 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoteHome() {
  const [loaded, reload] = useLoad(async () => {
    const [draft, versions] = await Promise.all([getDraft(), listVersions()]);
    return { draft, versions };
  }, []);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const publish = useAction(async () => {
    const version = await publishVersion();
    setConfirming(false);
    setPublished(version.number ?? null);
    reload();
  });
  const draft = loaded.state === 'ready' ? loaded.data.draft : undefined;
  const rows = useChanges(draft?.changes, draft?.institutionParts);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <LoadFailed error={loaded.error} retry={reload} />;
  const { versions } = loaded.data;
  const next = (draft?.latestNumber ?? 0) + 1;
  const offered = publishOffered(roles(), draft ?? {});
  return (
    <>
      <StatusMessage message={published !== null ? t('note.publishedNow', { number: published }) : null} />
      <section aria-labelledby="note-next-title" id="note-next">
        <h2 id="note-next-title">{t('note.next', { number: next })}</h2>
        <p>{t('note.counts', { findings: draft?.findings ?? 0, institutions: draft?.institutions ?? 0, countries: draft?.countries ?? 0 })}</p>
        <h3>{draft?.latestNumber ? t('note.changesSince', { number: draft.latestNumber }) : t('note.firstVersion')}</h3>
        {draft?.latestNumber ? (rows === null ? <Loading /> : <ChangeList rows={rows} id="note-next-changes" />) : null}
        {offered && !confirming && (
          <div class="actions">
            <button type="button" class="primary" id="note-publish" onClick={() => setConfirming(true)}>
              {t('note.publish', { number: next })}
            </button>
          </div>
        )}
        {offered && confirming && (
          <div class="note-confirm" role="group" aria-labelledby="note-confirm-text">
            <p id="note-confirm-text">
              {t('note.confirmPublish', { number: next, findings: draft?.findings ?? 0, institutions: draft?.institutions ?? 0, countries: draft?.countries ?? 0 })}
            </p>
            <div class="actions">
              <button type="button" class="primary" id="note-publish-confirm" disabled={publish.busy} onClick={() => void publish.run()}>
                {publish.busy ? t('note.publishing') : t('note.publishNow', { number: next })}
              </button>
              <button type="button" onClick={() => setConfirming(false)} disabled={publish.busy}>{t('common.cancel')}</button>
            </div>
          </div>
        )}
        {!offered && roles().includes('coordinator') && <p class="hint">{(draft?.findings ?? 0) === 0 ? t('note.nothingToPublish') : t('note.unchanged')}</p>}
        <ProblemAlert error={publish.error} />
        <details class="note-preview">
          <summary>{t('note.preview')}</summary>
          <NoteContent parts={draft?.institutionParts} />
        </details>
        <Downloads number="draft" id="draft-downloads" />
      </section>
      <section aria-labelledby="note-versions-title">
        <h2 id="note-versions-title">{t('note.versions')}</h2>
        <VersionList versions={versions} />
      </section>
    </>
  );
}

function VersionScreen({ number }: { readonly number: number }) {
  const [loaded, reload] = useLoad(() => getVersion(number), [number]);
  const version = loaded.state === 'ready' ? loaded.data : undefined;
  const rows = useChanges(version?.changes, version?.institutionParts);
  const format = useDateTime();
  return (
    <Page title={t('note.versionTitle', { number })}>
      <p><a href={hrefOf('note')}>{t('note.back')}</a></p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {version && (
        <>
          <p>
            {version.publishedAt && t('note.publishedAt', { when: format(new Date(version.publishedAt), viewerZone()) })}
            {' '}
            {t('note.counts', { findings: version.findings ?? 0, institutions: version.institutions ?? 0, countries: version.countries ?? 0 })}
          </p>
          <Downloads number={number} id="version-downloads" />
          <section aria-labelledby="note-what-changed">
            <h2 id="note-what-changed">
              {version.changes?.previousNumber ? t('note.changedSince', { number: version.changes.previousNumber }) : t('note.firstVersion')}
            </h2>
            {version.changes?.previousNumber ? (rows === null ? <Loading /> : <ChangeList rows={rows} id="note-version-changes" />) : null}
          </section>
          <section aria-labelledby="note-content-title">
            <h2 id="note-content-title">{t('note.contentTitle')}</h2>
            <NoteContent parts={version.institutionParts} />
          </section>
        </>
      )}
    </Page>
  );
}

export default function Note() {
  const [first, second] = routeArgs.value;
  const number = first === 'versions' && second && /^[1-9]\d{0,5}$/.test(second) ? Number(second) : null;
  if (number !== null) return <VersionScreen number={number} />;
  return <Page title={t('note.title')}><NoteHome /></Page>;
}
