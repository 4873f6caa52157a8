// What changed between any two versions, section by section, word by word (src/ui/diff). Removed words are
// struck through and added words underlined, and each run is preceded by "removed:" / "added:" for screen
// readers: the marks never rely on colour alone.
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { DiffText } from '../../ui/DiffText';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { getVersion, listVersions, people, type VersionSummary } from './api';
import { CompareForm } from './CompareForm';
import { comparedPair, normalized } from './logic';
import { compareVersions, type SectionDiff } from './compare';
import { sectionName, statusName } from './Sections';
import { NotMember } from './shared';

async function load(from?: string, to?: string) {
  const versions = await listVersions();
  const pair = comparedPair(versions, from, to);
  if (pair === null) return { versions, pair, diffs: [] as SectionDiff[] };
  const [older, newer, persons] = await Promise.all([getVersion(pair[0]), getVersion(pair[1]), people().catch(() => [])]);
  const names = new Map(persons.map((p) => [p.id, p.name]));
  const diffs = compareVersions(normalized(older.content), normalized(newer.content), {
    owner: (id) => names.get(id) ?? id,
    status: statusName,
    due: t('strategy.due'),
    reprisal: t('strategy.reprisalFlag'),
    mitigation: t('strategy.mitigation'),
  });
  return { versions, pair, diffs };
}

export function CompareScreen({ from, to }: { readonly from: string | undefined; readonly to: string | undefined }) {
  const [loaded, reload] = useLoad(() => load(from, to), [from, to]);
  return (
    <Page title={t('strategy.compare')}>
      <p><a href={hrefOf('strategy')}>{t('strategy.backToVersions')}</a></p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <NotMember error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && loaded.data.pair === null && <p>{t('strategy.compareNeedsTwo')}</p>}
      {loaded.state === 'ready' && loaded.data.pair !== null && (
        <Comparison versions={loaded.data.versions} pair={loaded.data.pair} diffs={loaded.data.diffs} />
      )}
    </Page>
  );
}

function Comparison({ versions, pair, diffs }: { readonly versions: readonly VersionSummary[]; readonly pair: [number, number]; readonly diffs: readonly SectionDiff[] }) {
  const changedCount = diffs.filter((d) => d.changed).length;
  return (
    <>
      <CompareForm key={pair.join('-')} versions={versions} from={pair[0]} to={pair[1]} />
      <section aria-labelledby="strategy-diff-title" id="strategy-diff">
        <h2 id="strategy-diff-title">{t('strategy.diffTitle', { older: pair[0], newer: pair[1] })}</h2>
        <p>{t('strategy.diffSummary', { count: changedCount, total: diffs.length })}</p>
        <p class="meta">{t('strategy.diffLegend')}</p>
        {diffs.map((diff) => (
          <section key={diff.key} aria-labelledby={`diff-${diff.key}-title`} class="strategy-section">
            <h3 id={`diff-${diff.key}-title`}>{sectionName(diff.key)}</h3>
            {diff.changed
              ? <DiffText parts={diff.parts} removed={t('strategy.removed')} added={t('strategy.added')} />
              : <p class="meta">{t('strategy.noChange')}</p>}
          </section>
        ))}
      </section>
    </>
  );
}
