// One assignment: its facts, its findings (latest version, citations, the coordinators' comments) and, for
// its expert while the work is theirs, the finding editor. "Save draft" stores the finding without sending
// the assignment for review (coordinators review submitted assignments only); "Submit for review" stores it
// and submits the assignment. A finding returned for revision shows the comment and opens in the editor.
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { addFinding, findingsOf, getAssignment, moveAssignment, reviseFinding, type Assignment, type Finding } from './api';
import {
  STATUS_KEYS, bodyOf, checkDraft, commentsNewestFirst, draftOf, editorFieldOf, emptyCitation, findingState, latest,
  localDay, mayRevise, mayReview, maySubmit, mayWrite, type CitationDraft, type FindingDraft, type Viewer,
} from './logic';
import { CitationList, DueText, country, day, institutionNames, strandKey } from './shared';

async function load(id: string) {
  const [assignment, findings, names] = await Promise.all([getAssignment(id), findingsOf(id), institutionNames()]);
  return { assignment: { ...assignment, id }, findings, names };
}

/** What the editor is on: a new finding, one of the findings, or nothing. */
type Editing = { readonly finding: Finding | null } | null;

function initialEditing(viewer: Viewer, assignment: Assignment, findings: readonly Finding[]): Editing {
  if (!mayWrite(viewer, assignment)) return null;
  const returned = findings.find((f) => f.status === 'RETURNED');
  if (returned) return { finding: returned };
  return findings.length === 0 ? { finding: null } : null;
}

export function AssignmentPage({ id, viewer }: { readonly id: string; readonly viewer: Viewer }) {
  const [loaded, reload] = useLoad(() => load(id), [id]);
  if (loaded.state === 'loading') return <Page title={t('assignments.one')}><Loading /></Page>;
  if (loaded.state === 'failed') return <Page title={t('assignments.one')}><LoadFailed error={loaded.error} retry={reload} /></Page>;
  const { assignment, findings, names } = loaded.data;
  return <Loaded key={assignment.updatedAt ?? ''} assignment={assignment} findings={findings} names={names} viewer={viewer} reload={reload} />;
}

function Loaded({ assignment, findings, names, viewer, reload }: {
  readonly assignment: Assignment;
  readonly findings: readonly Finding[];
  readonly names: ReadonlyMap<string, string>;
  readonly viewer: Viewer;
  readonly reload: () => void;
}) {
  const today = useMemo(() => localDay(), []);
  const [editing, setEditing] = useState<Editing>(() => initialEditing(viewer, assignment, findings));
  const [message, setMessage] = useState<string | null>(null);
  const institution = names.get(assignment.institutionId ?? '') ?? assignment.institutionId ?? '';
  const submit = useAction(async () => {
    await moveAssignment(assignment.id ?? '', 'submit');
    setMessage(t('assignments.submitted'));
    reload();
  });

  return (
    <Page title={t('assignments.heading', { institution, country: country(assignment.country) })}>
      <p><a href={hrefOf('assignments')}>{viewer.coordinator ? t('assignments.backAll') : t('assignments.backMine')}</a></p>
      <dl class="assignment-facts">
        <dt>{t('assignments.field.strand')}</dt><dd>{t(strandKey(assignment.strand))}</dd>
        <dt>{t('assignments.field.due')}</dt><dd><DueText assignment={assignment} today={today} /></dd>
        <dt>{t('assignments.field.status')}</dt><dd id="assignment-status">{assignment.status ? t(STATUS_KEYS[assignment.status]) : ''}</dd>
      </dl>
      {mayReview(viewer, assignment) && (
        <p><a href={hrefOf('assignments', 'review')}>{t('assignments.review.open')}</a></p>
      )}
      <StatusMessage message={message} />
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">{t('assignments.findings')}</h2>
        {findings.length === 0 ? <p>{t('assignments.noFindings')}</p> : (
          <ul id="findings-list" class="finding-list">
            {findings.map((finding, index) => (
              <li key={finding.id}>
                <FindingView finding={finding} assignment={assignment} number={index + 1} />
                {mayRevise(viewer, assignment, finding) && editing?.finding?.id !== finding.id && (
                  <button type="button" onClick={() => setEditing({ finding })}>
                    {t('assignments.edit')}<span class="visually-hidden">{` ${t('assignments.findingNumber', { number: index + 1 })}`}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayWrite(viewer, assignment) && editing === null && (
          <div class="actions">
            <button type="button" onClick={() => setEditing({ finding: null })}>{t('assignments.addFinding')}</button>
            {maySubmit(viewer, assignment, findings) && (
              <button type="button" class="primary" disabled={submit.busy} onClick={() => void submit.run()}>
                {submit.busy ? t('assignments.submitting') : t('assignments.submitAssignment')}
              </button>
            )}
          </div>
        )}
        <ProblemAlert error={submit.error} />
      </section>
      {editing !== null && (
        <FindingEditor
          key={editing.finding?.id ?? 'new'}
          assignment={assignment}
          finding={editing.finding}
          today={today}
          onSaved={(words) => {
            setMessage(words);
            setEditing(null);
            reload();
          }}
          onCancel={findings.length > 0 ? () => setEditing(null) : null}
        />
      )}
    </Page>
  );
}

const STATE_KEYS: Readonly<Record<ReturnType<typeof findingState>, MessageKey>> = {
  draft: 'assignments.finding.draft',
  inReview: 'assignments.finding.inReview',
  returned: 'assignments.finding.returned',
  accepted: 'assignments.finding.accepted',
};

export function FindingView({ finding, assignment, number }: { readonly finding: Finding; readonly assignment: Assignment; readonly number: number }) {
  const version = latest(finding);
  const comments = commentsNewestFirst(finding);
  const state = findingState(assignment, finding);
  return (
    <article aria-labelledby={`finding-${finding.id}-title`} class={`finding finding-${state}`}>
      <h3 id={`finding-${finding.id}-title`}>
        {t('assignments.findingNumber', { number })}: <span class="finding-state">{t(STATE_KEYS[state])}</span>
      </h3>
      {version?.version !== undefined && <p class="hint">{t('assignments.version', { version: version.version })}</p>}
      <p class="finding-statement">{version?.content?.statement}</p>
      <CitationList citations={version?.content?.evidence ?? []} />
      {comments.length > 0 && (
        <section class="finding-comments" aria-labelledby={`finding-${finding.id}-comments`}>
          <h4 id={`finding-${finding.id}-comments`}>{t('assignments.comments')}</h4>
          <ul>
            {comments.map((c, index) => (
              <li key={index}>
                <p class="hint">{t('assignments.commentOn', { version: c.version ?? 1, date: day(c.at?.substring(0, 10)) })}</p>
                <p class="comment-text">{c.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function FindingEditor({ assignment, finding, today, onSaved, onCancel }: {
  readonly assignment: Assignment;
  readonly finding: Finding | null;
  readonly today: string;
  readonly onSaved: (message: string) => void;
  readonly onCancel: (() => void) | null;
}) {
  const [draft, setDraft] = useState<FindingDraft>(() => draftOf(finding ?? undefined));
  const [local, setLocal] = useState<Readonly<Record<string, MessageKey>>>({});
  const [sending, setSending] = useState<'draft' | 'submit' | null>(null);
  const save = useAction(async (andSubmit: boolean) => {
    const id = assignment.id ?? '';
    // the first save starts the work: an assigned assignment takes no finding
    if (assignment.status === 'ASSIGNED') await moveAssignment(id, 'start');
    const body = bodyOf(draft);
    if (finding?.id) await reviseFinding(finding.id, body);
    else await addFinding(id, body);
    if (andSubmit) await moveAssignment(id, 'submit');
    onSaved(andSubmit ? t('assignments.submitted') : t('assignments.draftSaved'));
  });
  const server: Record<string, MessageKey> = {};
  for (const [field, key] of Object.entries(save.fields)) server[editorFieldOf(field, draft)] ??= key;
  const error = (id: string) => local[id] ?? server[id];
  // the editor opens on a returned finding: its heading takes the focus so the comment above is found
  useLayoutEffect(() => {
    if (finding?.status === 'RETURNED') document.getElementById('finding-editor-title')?.focus();
  }, []);

  const setCitation = (key: number, part: keyof Omit<CitationDraft, 'key'>) => (value: string) =>
    setDraft({ ...draft, citations: draft.citations.map((c) => (c.key === key ? { ...c, [part]: value } : c)) });

  async function send(event: Event, andSubmit: boolean) {
    event.preventDefault();
    const found = checkDraft(draft, today);
    setLocal(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first === 'evidence' ? `citation-${draft.citations[0]?.key ?? 0}-title` : first)?.focus();
      return;
    }
    setSending(andSubmit ? 'submit' : 'draft');
    await save.run(andSubmit);
    setSending(null);
  }

  function removeCitation(index: number) {
    const citations = draft.citations.filter((_, i) => i !== index);
    setDraft({ ...draft, citations });
    // focus stays in the list: the row that took its place, or "add"
    const next = citations[Math.min(index, citations.length - 1)];
    window.setTimeout(() => document.getElementById(next ? `citation-${next.key}-title` : 'citation-add')?.focus(), 0);
  }

  function addCitation() {
    const added = emptyCitation();
    setDraft({ ...draft, citations: [...draft.citations, added] });
    window.setTimeout(() => document.getElementById(`citation-${added.key}-title`)?.focus(), 0);
  }

  return (
    <section aria-labelledby="finding-editor-title" class="assignment-panel">
      <h2 id="finding-editor-title" tabIndex={-1}>{finding ? t('assignments.editFinding') : t('assignments.newFinding')}</h2>
      {finding?.status === 'RETURNED' && <p class="returned-note">{t('assignments.returnedNote')}</p>}
      <form id="finding-form" noValidate onSubmit={(event) => void send(event, true)}>
        <p>{t('assignments.field.strand')}: <strong>{t(strandKey(assignment.strand))}</strong></p>
        <TextArea id="statement" label={t('assignments.field.statement')} hint={t('assignments.statementHint')} value={draft.statement}
          onValue={(statement) => setDraft({ ...draft, statement })} required maxLength={5000} rows={6} error={error('statement')} />
        <SelectField id="confidence" label={t('assignments.field.confidence')} value={draft.confidence}
          choices={(['high', 'medium', 'low'] as const).map((c) => ({ value: c, label: t(`assignments.confidence.${c}`) }))}
          onValue={(confidence) => setDraft({ ...draft, confidence })} error={error('confidence')} />
        <fieldset id="citations" aria-describedby={error('evidence') ? 'citations-error' : undefined}>
          <legend>{t('assignments.citations')}</legend>
          {error('evidence') && <p id="citations-error" class="field-error">{t(error('evidence') ?? 'field.invalid')}</p>}
          {draft.citations.map((c, index) => (
            <fieldset key={c.key} class="citation" id={`citation-${c.key}`}>
              <legend>{t('assignments.citationNumber', { number: index + 1 })}</legend>
              <TextField id={`citation-${c.key}-title`} label={t('assignments.citation.title')} value={c.title} maxLength={300}
                onValue={setCitation(c.key, 'title')} error={error(`citation-${c.key}-title`)} />
              <TextField id={`citation-${c.key}-link`} type="url" inputMode="url" label={t('assignments.citation.link')}
                hint={t('assignments.citation.linkHint')} value={c.link} maxLength={2000}
                onValue={setCitation(c.key, 'link')} error={error(`citation-${c.key}-link`)} />
              <TextField id={`citation-${c.key}-date`} type="date" label={t('assignments.citation.date')} value={c.accessedOn} max={today}
                required onValue={setCitation(c.key, 'accessedOn')} error={error(`citation-${c.key}-date`)} />
              <TextArea id={`citation-${c.key}-quote`} label={t('assignments.citation.quote')} value={c.quote} maxLength={500} rows={2}
                onValue={setCitation(c.key, 'quote')} error={error(`citation-${c.key}-quote`)} />
              {draft.citations.length > 1 && (
                <button type="button" class="danger" onClick={() => removeCitation(index)}>
                  {t('assignments.citation.remove', { number: index + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" id="citation-add" onClick={addCitation} disabled={draft.citations.length >= 30}>
            {t('assignments.citation.add')}
          </button>
        </fieldset>
        <ProblemAlert error={save.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={save.busy}>
            {sending === 'submit' ? t('assignments.submitting') : t('assignments.submitForReview')}
          </button>
          <button type="button" disabled={save.busy} onClick={(event) => void send(event, false)}>
            {sending === 'draft' ? t('common.saving') : t('assignments.saveDraft')}
          </button>
          {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
        </div>
      </form>
    </section>
  );
}
