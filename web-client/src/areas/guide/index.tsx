// The guide and its translations (issue 14, journey 6). #/guide: completeness per language (bars and a table),
// editions and publishing, translators per language and the source sections (coordinators). #/guide/<lang>: the
// translation workspace, each section's source beside its translation (stacked on a phone) with its status, the
// source's change since the translated revision for a stale one, and what the role may do with it.
import { useRef, useState } from 'preact/hooks';
import { account, mySubject } from '../../api/auth';
import { hasRole } from '../../app/nav';
import { hrefOf, routeArgs } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { LoadFailed, Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import {
  addSection, assignTranslator, changeSection, editionPath, getGuide, getSourceDiff, getTranslation, getTranslators,
  listTranslatorPeople, moveTranslation, publishEdition, saveTranslation, unassignTranslator,
  type Guide, type Move, type Person, type SectionView, type Translators,
} from './api';
import {
  canPublish, completenessRows, diffLines, languageName, myLanguages, sectionStatus, STATUS_LOOK, STATUSES,
  statusCounts, targetLanguages, translationActions, type CompletenessRow, type Status,
} from './logic';
import './guide.css';

interface Who {
  readonly roles: readonly string[];
  readonly subject: string | null;
  readonly coordinates: boolean;
}

function useWho(): Who {
  const current = account.value;
  const roles = current.state === 'signedIn' ? current.roles : [];
  return { roles, subject: mySubject(current), coordinates: hasRole(roles, 'coordinator') };
}

/** A language's name in itself, marked with its language for screen readers. */
function LanguageName({ code }: { readonly code: string }) {
  return <span lang={code}>{languageName(code)}</span>;
}

export function StatusBadge({ status }: { readonly status: Status }) {
  const look = STATUS_LOOK[status];
  return (
    <span class={`guide-status guide-status-${look.css}`}>
      <span aria-hidden="true" class="guide-mark">{look.mark}</span> {t(look.label)}
    </span>
  );
}

interface Loaded {
  readonly guide: Guide;
  readonly translators: Translators;
}

async function loadGuide(): Promise<Loaded> {
  const [guide, translators] = await Promise.all([getGuide(), getTranslators()]);
  return { guide, translators };
}

export default function GuideArea() {
  const language = routeArgs.value[0];
  // read afresh when moving between the overview and a language: others translate and review meanwhile
  const [loaded, reload] = useLoad(loadGuide, [language]);
  if (loaded.state === 'loading') return <Page title={t('guide.title')}><Loading /></Page>;
  if (loaded.state === 'failed') return <Page title={t('guide.title')}><LoadFailed error={loaded.error} retry={reload} /></Page>;
  const { guide, translators } = loaded.data;
  if (language && targetLanguages(guide).includes(language)) {
    return <Workspace guide={guide} translators={translators} language={language} reload={reload} />;
  }
  return <Overview guide={guide} translators={translators} reload={reload} />;
}

// --- the overview -------------------------------------------------------------------------------

function Overview({ guide, translators, reload }: { readonly guide: Guide; readonly translators: Translators; readonly reload: () => void }) {
  const who = useWho();
  const mine = myLanguages(translators, who.subject, who.roles);
  const rows = completenessRows(guide.languages);
  return (
    <Page title={t('guide.title')}>
      <p>{t('guide.intro', { count: guide.sections?.length ?? 0 })} {t('guide.source')} <LanguageName code={guide.sourceLanguage ?? 'ru'} /></p>
      {hasRole(who.roles, 'translator') && (
        <section aria-labelledby="guide-mine-title">
          <h2 id="guide-mine-title">{t('guide.mine.title')}</h2>
          {mine.length === 0 ? <p>{t('guide.mine.none')}</p> : (
            <ul id="my-languages" class="guide-links">
              {mine.map((code) => <li key={code}><a href={hrefOf('guide', code)}><LanguageName code={code} /></a></li>)}
            </ul>
          )}
        </section>
      )}
      <Completeness rows={rows} coordinates={who.coordinates} reload={reload} />
      {who.coordinates && <TranslatorsPanel guide={guide} translators={translators} reload={reload} />}
      {who.coordinates && <SourceSections guide={guide} reload={reload} />}
    </Page>
  );
}

function Completeness({ rows, coordinates, reload }: { readonly rows: readonly CompletenessRow[]; readonly coordinates: boolean; readonly reload: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const publish = useAction(async (language: string) => {
    const edition = await publishEdition(language);
    setDone(t('guide.published', { number: edition.number ?? 0 }));
    reload();
  });
  return (
    <section aria-labelledby="guide-completeness-title" id="completeness">
      <h2 id="guide-completeness-title">{t('guide.completeness.title')}</h2>
      <StatusMessage message={done} />
      <ProblemAlert error={publish.error} />
      <ul class="guide-bars" id="language-list">
        {rows.map((row) => (
          <li key={row.language} id={`language-${row.language}`}>
            <div class="guide-bar-head">
              <a href={hrefOf('guide', row.language)}><LanguageName code={row.language} /></a>
              <span>{t('guide.completeness.line', { approved: row.approved, total: row.total, stale: row.stale })}</span>
            </div>
            <div class="guide-bar" aria-hidden="true"><div class="guide-bar-fill" style={{ width: `${row.percent}%` }} /></div>
            <div class="actions">
              {row.lastEdition > 0 && <EditionLinks language={row.language} number={row.lastEdition} />}
              {canPublish(row, coordinates) && (
                <button type="button" class="primary" disabled={publish.busy}
                  onClick={() => { setDone(null); void publish.run(row.language); }}>
                  {publish.busy ? t('guide.publishing') : <>{t('guide.publish')} (<LanguageName code={row.language} />)</>}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {/* four narrow columns that fit a phone (no sideways scrolling); editions are listed with the bars above */}
      <div class="table-scroll">
        <table id="completeness-table" class="guide-table">
          <caption>{t('guide.completeness.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('guide.col.language')}</th>
              <th scope="col">{t('guide.col.approved')}</th>
              <th scope="col">{t('guide.col.total')}</th>
              <th scope="col">{t('guide.col.stale')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.language}>
                <th scope="row"><LanguageName code={row.language} /></th>
                <td>{row.approved}</td>
                <td>{row.total}</td>
                <td>{row.stale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EditionLinks({ language, number }: { readonly language: string; readonly number: number }) {
  return (
    <p class="guide-editions">
      {t('guide.edition', { number })}{' '}
      <a href={editionPath(language, number, 'pdf')}>PDF</a>{' · '}
      <a href={editionPath(language, number, 'html')}>HTML</a>{' · '}
      <a href={editionPath(language, number, 'docx')}>DOCX</a>{' · '}
      <a href={`/guide/${encodeURIComponent(language)}`}>{t('guide.publicPage')}</a>
    </p>
  );
}

function personName(people: readonly Person[], id: string): string {
  return people.find((p) => p.id === id)?.displayName ?? id;
}

function TranslatorsPanel({ guide, translators, reload }: { readonly guide: Guide; readonly translators: Translators; readonly reload: () => void }) {
  const [people] = useLoad(listTranslatorPeople, []);
  const known = people.state === 'ready' ? people.data : [];
  const [language, setLanguage] = useState('');
  const [person, setPerson] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const assign = useAction(async () => {
    await assignTranslator(language, person);
    setDone(t('guide.translators.assigned', { name: personName(known, person) }));
    setPerson('');
    reload();
  });
  const remove = useAction(async (lang: string, id: string) => {
    await unassignTranslator(lang, id);
    setDone(t('guide.translators.removed', { name: personName(known, id) }));
    reload();
  });
  const languages = targetLanguages(guide);
  return (
    <section aria-labelledby="guide-translators-title" id="translators">
      <h2 id="guide-translators-title">{t('guide.translators.title')}</h2>
      <StatusMessage message={done} />
      <ProblemAlert error={remove.error} />
      <ul class="guide-translators">
        {languages.map((code) => {
          const ids = translators[code] ?? [];
          return (
            <li key={code}>
              <h3><LanguageName code={code} /></h3>
              {ids.length === 0 ? <p>{t('guide.translators.none')}</p> : (
                <ul>
                  {ids.map((id) => (
                    <li key={id} class="guide-translator">
                      <span>{personName(known, id)}</span>
                      <button type="button" disabled={remove.busy}
                        onClick={() => { setDone(null); void remove.run(code, id); }}>
                        {t('guide.translators.remove')}
                        <span class="visually-hidden"> {personName(known, id)} (<LanguageName code={code} />)</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <form id="assign-translator-form" onSubmit={(event) => { event.preventDefault(); setDone(null); void assign.run(); }}>
        <h3>{t('guide.translators.assign')}</h3>
        <SelectField id="assign-language" label={t('guide.col.language')} value={language} required empty={t('guide.choose')}
          choices={languages.map((code) => ({ value: code, label: languageName(code), lang: code }))} onValue={setLanguage} />
        <SelectField id="assign-person" label={t('guide.translators.person')} value={person} required empty={t('guide.choose')}
          hint={people.state === 'ready' && known.length === 0 ? t('guide.translators.nobody') : undefined}
          choices={known.filter((p) => p.id && !(translators[language] ?? []).includes(p.id))
            .map((p) => ({ value: p.id ?? '', label: p.displayName ?? p.id ?? '' }))}
          onValue={setPerson} />
        <ProblemAlert error={assign.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={assign.busy || !language || !person}>
            {assign.busy ? t('guide.saving') : t('guide.translators.assign')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SourceSections({ guide, reload }: { readonly guide: Guide; readonly reload: () => void }) {
  const source = guide.sourceLanguage ?? 'ru';
  return (
    <section aria-labelledby="guide-source-title" id="source-sections">
      <h2 id="guide-source-title">{t('guide.sourceSections.title')}</h2>
      <p>{t('guide.sourceSections.hint')}</p>
      {(guide.sections ?? []).map((section) => <SourceEditor key={section.key} section={section} source={source} reload={reload} />)}
      <AddSection source={source} reload={reload} />
    </section>
  );
}

function SourceEditor({ section, source, reload }: { readonly section: SectionView; readonly source: string; readonly reload: () => void }) {
  const key = section.key ?? '';
  const [title, setTitle] = useState(section.title ?? '');
  const [body, setBody] = useState(section.body ?? '');
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    const saved = await changeSection(key, { title, body });
    setDone(t('guide.sourceSections.saved', { revision: saved.revision ?? 0 }));
    reload();
  });
  return (
    <details class="guide-source-editor" id={`source-${key}`}>
      <summary>{t('guide.sourceSections.edit', { title: section.title ?? key, revision: section.revision ?? 0 })}</summary>
      <form onSubmit={(event) => { event.preventDefault(); setDone(null); void save.run(); }}>
        <TextField id={`source-${key}-title`} label={t('guide.field.title')} value={title} onValue={setTitle} required
          maxLength={300} lang={source} error={save.fields['title']} />
        <TextArea id={`source-${key}-body`} label={t('guide.field.body')} value={body} onValue={setBody} required rows={8}
          lang={source} error={save.fields['body']} />
        <ProblemAlert error={save.error} />
        <StatusMessage message={done} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('guide.saving') : t('guide.sourceSections.save')}</button>
        </div>
      </form>
    </details>
  );
}

function AddSection({ source, reload }: { readonly source: string; readonly reload: () => void }) {
  const [key, setKey] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const add = useAction(async () => {
    await addSection({ key, title, body });
    setDone(t('guide.sourceSections.added', { title }));
    setKey(''); setTitle(''); setBody('');
    reload();
  });
  return (
    <form id="add-section-form" class="guide-add" onSubmit={(event) => { event.preventDefault(); setDone(null); void add.run(); }}>
      <h3>{t('guide.sourceSections.add')}</h3>
      <TextField id="section-key" label={t('guide.field.key')} hint={t('guide.field.keyHint')} value={key} onValue={setKey}
        required maxLength={60} error={add.fields['key']} />
      <TextField id="section-title" label={t('guide.field.title')} value={title} onValue={setTitle} required maxLength={300}
        lang={source} error={add.fields['title']} />
      <TextArea id="section-body" label={t('guide.field.body')} value={body} onValue={setBody} required rows={6} lang={source}
        error={add.fields['body']} />
      <ProblemAlert error={add.error} />
      <StatusMessage message={done} />
      <div class="actions">
        <button type="submit" class="primary" disabled={add.busy}>{add.busy ? t('guide.saving') : t('guide.sourceSections.add')}</button>
      </div>
    </form>
  );
}

// --- the workspace of one language --------------------------------------------------------------

function Workspace({ guide, translators, language, reload }: {
  readonly guide: Guide; readonly translators: Translators; readonly language: string; readonly reload: () => void;
}) {
  const who = useWho();
  const translates = myLanguages(translators, who.subject, who.roles).includes(language);
  const counts = statusCounts(guide, language);
  return (
    <Page title={t('guide.workspace.title')}>
      <p class="guide-nav"><a href={hrefOf('guide')}>{t('guide.back')}</a></p>
      <p class="guide-language">{t('guide.workspace.language')} <strong><LanguageName code={language} /></strong></p>
      <p id="workspace-role">{translates ? t('guide.workspace.youTranslate') : who.coordinates ? t('guide.workspace.youReview') : t('guide.workspace.youRead')}</p>
      <ul class="guide-counts" aria-label={t('guide.workspace.summary')}>
        {STATUSES.map((status) => (
          <li key={status}><StatusBadge status={status} /> {counts[status]}</li>
        ))}
      </ul>
      <ol class="guide-sections" id="guide-sections">
        {(guide.sections ?? []).map((section) => (
          <li key={section.key}>
            <SectionWork section={section} source={guide.sourceLanguage ?? 'ru'} language={language}
              translates={translates} coordinates={who.coordinates} reload={reload} />
          </li>
        ))}
      </ol>
    </Page>
  );
}

interface SectionData {
  readonly title: string;
  readonly body: string;
  readonly diff: ReturnType<typeof diffLines> | null;
  readonly basedOn: number | null;
  readonly reviewComment: string | null;
}

async function loadSection(key: string, language: string, stale: boolean): Promise<SectionData> {
  const [translation, diff] = await Promise.all([
    getTranslation(key, language),
    stale ? getSourceDiff(key, language) : Promise.resolve(null),
  ]);
  return {
    title: translation?.title ?? '',
    body: translation?.body ?? '',
    diff: diff ? diffLines(diff.lines) : null,
    basedOn: translation?.basedOnRevision ?? null,
    reviewComment: translation?.reviewComment ?? null,
  };
}

function SectionWork({ section, source, language, translates, coordinates, reload }: {
  readonly section: SectionView; readonly source: string; readonly language: string;
  readonly translates: boolean; readonly coordinates: boolean; readonly reload: () => void;
}) {
  const key = section.key ?? '';
  const status = sectionStatus(section, language);
  // read again after each change made here (a saved draft keeps its status but is now the saved text)
  const [changes, setChanges] = useState(0);
  const [loaded] = useLoad(() => loadSection(key, language, status === 'STALE'), [key, language, status, section.revision, changes]);
  const heading = useRef<HTMLHeadingElement>(null);
  // kept here: the pane below starts afresh with each new status, the message stays
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `section-${key}-title`;
  return (
    <article class="guide-section" id={`section-${key}`} aria-labelledby={headingId}>
      <div class="guide-section-head">
        <h2 id={headingId} tabIndex={-1} ref={heading} lang={source}>{section.title ?? key}</h2>
        <StatusBadge status={status} />
      </div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <ProblemAlert error={loaded.error} />}
      {loaded.state === 'ready' && (
        <>
          {loaded.data.diff && (
            <SourceChange lines={loaded.data.diff} source={source} from={loaded.data.basedOn ?? 0} to={section.revision ?? 0} />
          )}
          <div class="guide-columns">
            <div class="guide-column">
              <h3>{t('guide.workspace.sourceColumn', { revision: section.revision ?? 0 })} (<LanguageName code={source} />)</h3>
              <div class="guide-text" lang={source}>{section.body}</div>
            </div>
            <div class="guide-column">
              <h3>{t('guide.workspace.translationColumn')} (<LanguageName code={language} />)</h3>
              <TranslationPane key={`${key}-${status}-${loaded.data.basedOn ?? 0}`} sectionKey={key} revision={section.revision ?? 1} language={language}
                status={status} initial={loaded.data} translates={translates} coordinates={coordinates}
                say={setMessage} done={() => { setChanges((n) => n + 1); reload(); heading.current?.focus(); }} />
            </div>
          </div>
        </>
      )}
      <StatusMessage message={message} />
    </article>
  );
}

/** The source's change since the translated revision: removed lines struck, added lines marked, both said in words. */
function SourceChange({ lines, source, from, to }: { readonly lines: ReturnType<typeof diffLines>; readonly source: string; readonly from: number; readonly to: number }) {
  return (
    <div class="guide-diff" role="group" aria-label={t('guide.diff.title', { from, to })}>
      <p class="guide-diff-title"><span aria-hidden="true">⚠ </span>{t('guide.diff.title', { from, to })}</p>
      <div lang={source}>
        {lines.map((line, i) => line.op === 'removed' ? (
          <del key={i} class="guide-line"><span class="visually-hidden">{t('guide.diff.removed')} </span>{line.text}</del>
        ) : line.op === 'added' ? (
          <ins key={i} class="guide-line"><span class="visually-hidden">{t('guide.diff.added')} </span>{line.text}</ins>
        ) : (
          <span key={i} class="guide-line">{line.text}</span>
        ))}
      </div>
    </div>
  );
}

function TranslationPane({ sectionKey, revision, language, status, initial, translates, coordinates, say, done }: {
  readonly sectionKey: string; readonly revision: number; readonly language: string; readonly status: Status;
  readonly initial: SectionData; readonly translates: boolean; readonly coordinates: boolean;
  readonly say: (message: string | null) => void; readonly done: () => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const setMessage = say;
  const [comment, setComment] = useState('');
  const unsaved = title !== initial.title || body !== initial.body;
  const actions = translationActions(status, { translates, coordinates }, unsaved);
  const save = useAction(async () => {
    // a fix of a stale translation translates the source as it is now
    await saveTranslation(sectionKey, language, { title, body, basedOnRevision: revision });
    setMessage(t('guide.saved'));
    done();
  });
  const move = useAction(async (step: Move) => {
    await moveTranslation(sectionKey, language, step, comment);
    setMessage(t(`guide.moved.${step}`));
    done();
  });
  const idBase = `translation-${sectionKey}`;
  return (
    <div>
      {initial.reviewComment && (
        <div class="guide-review-comment" id={`${idBase}-review-comment`}>
          <p class="guide-review-title">{t('guide.reviewComment')}</p>
          <p class="guide-text">{initial.reviewComment}</p>
        </div>
      )}
      {translates ? (
        <form id={`${idBase}-form`} onSubmit={(event) => { event.preventDefault(); setMessage(null); void save.run(); }}>
          <TextField id={`${idBase}-title`} label={t('guide.field.title')} value={title} onValue={setTitle} required
            maxLength={300} lang={language} error={save.fields['title']} />
          <TextArea id={`${idBase}-body`} label={t('guide.field.body')} value={body} onValue={setBody} required rows={8}
            lang={language} error={save.fields['body']} />
          <ProblemAlert error={save.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('guide.saving') : t('guide.saveDraft')}</button>
          </div>
        </form>
      ) : initial.title || initial.body ? (
        <div lang={language}>
          <p class="guide-translation-title">{initial.title}</p>
          <div class="guide-text">{initial.body}</div>
        </div>
      ) : (
        <p>{t('guide.notTranslated')}</p>
      )}
      {unsaved && translates && status === 'DRAFT' && <p class="hint">{t('guide.saveFirst')}</p>}
      {actions.includes('return') && (
        <div class="guide-return">
          <TextArea id={`${idBase}-comment`} label={t('guide.returnComment')} value={comment} onValue={setComment}
            maxLength={2000} rows={3} error={move.fields['comment']} />
        </div>
      )}
      <ProblemAlert error={move.error} />
      <div class="actions">
        {actions.includes('submit') && (
          <button type="button" class="primary" disabled={move.busy} onClick={() => { setMessage(null); void move.run('submit'); }}>
            {move.busy ? t('guide.saving') : t('guide.submit')}
          </button>
        )}
        {actions.includes('approve') && (
          <button type="button" class="primary" disabled={move.busy} onClick={() => { setMessage(null); void move.run('approve'); }}>
            {move.busy ? t('guide.saving') : t('guide.approve')}
          </button>
        )}
        {actions.includes('return') && (
          <button type="button" disabled={move.busy} onClick={() => { setMessage(null); void move.run('return'); }}>
            {t('guide.return')}
          </button>
        )}
      </div>
    </div>
  );
}
