// One version of the strategy: its sections as a reader sees them; for a coordinator and a draft, an editor per
// section, actions, risks and evidence, and adoption (with a confirmation). Once adopted, no edit control is
// offered (the service answers 409 to an edit anyway) and the page says the version is read-only.
import { useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { useDateTime } from '../../dates/useDateTime';
import { viewerZone } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { adoptVersion, getVersion, people, rounds, saveContent, type Person, type VersionView } from './api';
import { adoption, canEdit, isDraft, normalized, type FullContent } from './logic';
import { ActionsSection, EvidenceSection, RisksSection, TextSectionView } from './Sections';
import { NotMember } from './shared';

interface Loaded {
  readonly version: VersionView;
  readonly rounds: Awaited<ReturnType<typeof rounds>>;
  readonly people: readonly Person[];
}

async function load(number: number, coordinator: boolean): Promise<Loaded> {
  const [version, allRounds, persons] = await Promise.all([
    getVersion(number),
    // rounds only tell a coordinator whether adoption is possible yet; names are a nicety: both may fail quietly
    coordinator ? rounds().catch(() => []) : Promise.resolve([]),
    people().catch(() => []),
  ]);
  return { version, rounds: allRounds, people: persons };
}

export function VersionScreen({ number, coordinator }: { readonly number: number; readonly coordinator: boolean }) {
  const [loaded, reload] = useLoad(() => load(number, coordinator), [number, coordinator]);
  const title = t('strategy.versionTitle', { number });
  if (loaded.state === 'loading') return <Page title={title}><Loading /></Page>;
  if (loaded.state === 'failed') return <Page title={title}><NotMember error={loaded.error} retry={reload} /></Page>;
  return <Version title={title} loaded={loaded.data} coordinator={coordinator} />;
}

function Version({ title, loaded, coordinator }: { readonly title: string; readonly loaded: Loaded; readonly coordinator: boolean }) {
  const [version, setVersion] = useState(loaded.version);
  const [message, setMessage] = useState<string | null>(null);
  const number = version.version ?? 0;
  const content = normalized(version.content);
  const editable = canEdit(coordinator, version);
  const names = new Map(loaded.people.map((p) => [p.id, p.name]));

  /** Saves the whole content (the service replaces a draft's sections) and shows the answer. */
  const save = async (next: FullContent) => {
    setMessage(null);
    setVersion(await saveContent(number, next));
    setMessage(t('common.saved'));
  };

  return (
    <Page title={title}>
      <p><a href={hrefOf('strategy')}>{t('strategy.backToVersions')}</a></p>
      <VersionState version={version} coordinator={coordinator} />
      <StatusMessage message={message} />
      <TextSectionView section="context" content={content} editable={editable} onSave={save} />
      <TextSectionView section="goals" content={content} editable={editable} onSave={save} />
      <TextSectionView section="targetInstitutions" content={content} editable={editable} onSave={save} />
      <TextSectionView section="objectives" content={content} editable={editable} onSave={save} />
      <ActionsSection content={content} editable={editable} onSave={save} names={names} people={loaded.people} />
      <TextSectionView section="indicators" content={content} editable={editable} onSave={save} />
      <RisksSection content={content} editable={editable} onSave={save} />
      <EvidenceSection content={content} editable={editable} onSave={save} />
      <Adoption version={version} coordinator={coordinator} rounds={loaded.rounds} onAdopted={(adopted) => {
        setVersion(adopted);
        setMessage(t('strategy.adopted', { number }));
      }} />
    </Page>
  );
}

function VersionState({ version, coordinator }: { readonly version: VersionView; readonly coordinator: boolean }) {
  const format = useDateTime();
  const zone = viewerZone();
  if (!isDraft(version)) {
    return (
      <div id="version-read-only" class="version-state adopted" tabIndex={-1}>
        <p><strong>{t('strategy.status.ADOPTED')}</strong>{version.adoptedAt ? ` · ${format(new Date(version.adoptedAt), zone)}` : ''}</p>
        <p>{t('strategy.readOnly')}</p>
      </div>
    );
  }
  return (
    <div id="version-draft" class="version-state draft">
      <p>
        <strong>{t('strategy.status.DRAFT')}</strong>
        {version.changedAt ? ` · ${t('strategy.changedOn', { when: format(new Date(version.changedAt), zone) })}` : ''}
        {version.basedOn ? ` · ${t('strategy.basedOn', { number: version.basedOn })}` : ''}
      </p>
      {!coordinator && <p>{t('strategy.draftForMember')}</p>}
    </div>
  );
}

interface AdoptionProps {
  readonly version: VersionView;
  readonly coordinator: boolean;
  readonly rounds: Loaded['rounds'];
  readonly onAdopted: (version: VersionView) => void;
}

/** Adoption: told why not yet, or a button and a confirmation that says what adoption means. */
function Adoption({ version, coordinator, rounds: allRounds, onAdopted }: AdoptionProps) {
  const format = useDateTime();
  const [confirming, setConfirming] = useState(false);
  const number = version.version ?? 0;
  const adopt = useAction(async () => {
    onAdopted(await adoptVersion(number));
    // the page has become read-only: focus where it says so
    setTimeout(() => document.getElementById('version-read-only')?.focus(), 0);
  });
  const state = adoption(coordinator, version, allRounds, new Date());
  if (state.state === 'hidden') return null;
  return (
    <section aria-labelledby="adoption-title" class="strategy-section">
      <h2 id="adoption-title">{t('strategy.adoption')}</h2>
      {state.state === 'needsRound' && <p id="adoption-needs-round">{t('strategy.adoptNeedsRound')}</p>}
      {state.state === 'roundOpen' && (
        <p id="adoption-needs-round">{t('strategy.adoptRoundOpen', { when: format(new Date(state.deadline), viewerZone()) })}</p>
      )}
      {state.state === 'ready' && !confirming && (
        <div class="actions">
          <button type="button" id="adopt-version" class="primary" onClick={() => {
            setConfirming(true);
            setTimeout(() => document.getElementById('adopt-confirm-title')?.focus(), 0);
          }}>
            {t('strategy.adoptButton', { number })}
          </button>
        </div>
      )}
      {state.state === 'ready' && confirming && (
        <div class="strategy-confirm" role="group" aria-labelledby="adopt-confirm-title">
          <p id="adopt-confirm-title" tabIndex={-1}><strong>{t('strategy.adoptConfirmTitle', { number })}</strong></p>
          <p>{t('strategy.adoptConfirmText')}</p>
          <div class="actions">
            <button type="button" id="adopt-confirm" class="primary" disabled={adopt.busy} onClick={() => void adopt.run()}>
              {adopt.busy ? t('strategy.adopting') : t('strategy.adoptConfirm')}
            </button>
            <button type="button" disabled={adopt.busy} onClick={() => {
              setConfirming(false);
              adopt.reset();
              setTimeout(() => document.getElementById('adopt-version')?.focus(), 0);
            }}>{t('common.cancel')}</button>
          </div>
          <ProblemAlert error={adopt.error} />
        </div>
      )}
    </section>
  );
}
