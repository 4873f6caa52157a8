// The sections of a version. Each shows its content to every reader; with `editable` (a coordinator on a
// draft) it also offers its editor: the text sections a Markdown editor with a live preview, actions and
// risks an add form and remove buttons, evidence a choice among the accepted research findings.
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { Markdown, renderInline } from '../../ui/markdown';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { ACTION_STATUSES, acceptedFindings, finding, type ActionStatus, type Finding, type Person } from './api';
import {
  MAX_TEXT, isListSection, isoDate, listItems, sectionText, withAction, withActionStatus, withEvidence, withRisk,
  withSectionText, without, type FullContent, type SectionKey, type TextSection,
} from './logic';

export const sectionName = (key: SectionKey) => t(`strategy.section.${key}` as MessageKey);
export const statusName = (status: ActionStatus) => t(`strategy.actionStatus.${status}` as MessageKey);

interface SectionProps {
  readonly content: FullContent;
  readonly editable: boolean;
  readonly onSave: (content: FullContent) => Promise<void>;
}

/** Moves focus to an element once the screen has been drawn again (after an editor closes, a row goes…). */
function focusLater(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

function Section({ id, title, children }: { readonly id: string; readonly title: string; readonly children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="strategy-section" id={`section-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** The text of a section as readers see it: the context as Markdown, a list as a list of inline Markdown. */
export function SectionText({ section, text, headingLevel }: { readonly section: TextSection; readonly text: string; readonly headingLevel: number }) {
  if (!isListSection(section)) {
    return text.trim() ? <div class="markdown"><Markdown source={text} headingLevel={headingLevel} /></div> : <p class="meta">{t('strategy.empty')}</p>;
  }
  const items = listItems(text);
  if (items.length === 0) return <p class="meta">{t('strategy.empty')}</p>;
  return <ul class="markdown">{items.map((item, i) => <li key={i}>{renderInline(item)}</li>)}</ul>;
}

export function TextSectionView({ section, content, editable, onSave }: SectionProps & { readonly section: TextSection }) {
  const [editing, setEditing] = useState(false);
  const text = sectionText(content, section);
  return (
    <Section id={section} title={sectionName(section)}>
      {editing ? (
        <SectionEditor
          section={section}
          initial={text}
          onSave={async (next) => {
            await onSave(withSectionText(content, section, next));
            setEditing(false);
            focusLater(`edit-${section}`);
          }}
          onCancel={() => {
            setEditing(false);
            focusLater(`edit-${section}`);
          }}
        />
      ) : (
        <>
          <SectionText section={section} text={text} headingLevel={3} />
          {editable && (
            <div class="actions">
              <button type="button" id={`edit-${section}`} onClick={() => {
                setEditing(true);
                focusLater(`${section}-text`);
              }}>
                {t('strategy.edit')}<span class="visually-hidden">{`: ${sectionName(section)}`}</span>
              </button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

/**
 * Markdown (or one item per line) with a live preview beside it on a wide screen, below it on a phone. The
 * preview is drawn by src/ui/markdown (vnodes, never HTML): what is typed cannot become markup.
 */
export function SectionEditor({ section, initial, onSave, onCancel }: {
  readonly section: TextSection;
  readonly initial: string;
  readonly onSave: (text: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const save = useAction(onSave);
  const list = isListSection(section);
  return (
    <form
      id={`section-editor-${section}`}
      class="section-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(text);
      }}
    >
      <div class="editor-panes">
        <TextArea
          id={`${section}-text`}
          label={t('strategy.textOf', { section: sectionName(section) })}
          hint={list ? t('strategy.listHint') : t('strategy.markdownHint')}
          value={text}
          onValue={setText}
          maxLength={MAX_TEXT}
          rows={list ? 6 : 12}
        />
        <section class="preview" aria-labelledby={`${section}-preview-title`} id={`${section}-preview`}>
          <h3 id={`${section}-preview-title`}>{t('strategy.preview')}</h3>
          <SectionText section={section} text={text} headingLevel={4} />
        </section>
      </div>
      <ProblemAlert error={save.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('common.saving') : t('common.save')}</button>
        <button type="button" disabled={save.busy} onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

const EMPTY_ACTION = { text: '', ownerId: '', due: '', status: 'PLANNED' as ActionStatus };

export function ActionsSection({ content, editable, onSave, names, people }: SectionProps & {
  readonly names: ReadonlyMap<string, string>;
  readonly people: readonly Person[];
}) {
  const [draft, setDraft] = useState(EMPTY_ACTION);
  const [missing, setMissing] = useState<readonly string[]>([]);
  const add = useAction(async () => {
    await onSave(withAction(content, { ...draft, text: draft.text.trim() }));
    setDraft(EMPTY_ACTION);
    focusLater('action-text');
  });
  const change = useAction(onSave);
  const owners = people.filter((p) => p.status === 'ACTIVE');
  const ownerName = (id: string) => names.get(id) ?? id;
  const error = (field: string) => (missing.includes(field) ? 'field.required' as const : undefined);

  return (
    <Section id="actions" title={sectionName('actions')}>
      {content.actions.length === 0 ? <p class="meta">{t('strategy.empty')}</p> : (
        <div class="table-scroll">
          <table id="strategy-actions">
            <caption class="visually-hidden">{sectionName('actions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('strategy.action')}</th>
                <th scope="col">{t('strategy.owner')}</th>
                <th scope="col">{t('strategy.due')}</th>
                <th scope="col">{t('strategy.actionStatus')}</th>
                {editable && <th scope="col"><span class="visually-hidden">{t('strategy.remove')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {content.actions.map((action, index) => (
                <tr key={index}>
                  <td>{renderInline(action.text)}</td>
                  <td>{ownerName(action.ownerId)}</td>
                  <td><time dateTime={action.due}>{action.due}</time></td>
                  <td>
                    {editable ? (
                      <select
                        id={`action-status-${index}`}
                        aria-label={t('strategy.statusOf', { action: action.text })}
                        value={action.status}
                        disabled={change.busy}
                        onChange={(event) => void change.run(withActionStatus(content, index, event.currentTarget.value as ActionStatus))}
                      >
                        {ACTION_STATUSES.map((s) => <option key={s} value={s}>{statusName(s)}</option>)}
                      </select>
                    ) : statusName(action.status)}
                  </td>
                  {editable && (
                    <td>
                      <button type="button" class="danger" disabled={change.busy} onClick={async () => {
                        if (await change.run(without(content, 'actions', index))) focusLater('action-text');
                      }}>
                        {t('strategy.remove')}<span class="visually-hidden">{`: ${action.text}`}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProblemAlert error={change.error} />
      {editable && (
        <form
          id="action-form"
          class="strategy-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const empty = (['text', 'ownerId', 'due'] as const).filter((f) => draft[f].trim() === '');
            setMissing(empty);
            if (empty.length) focusLater(`action-${empty[0] === 'ownerId' ? 'owner' : empty[0]}`);
            else void add.run();
          }}
        >
          <h3>{t('strategy.addAction')}</h3>
          <TextField id="action-text" label={t('strategy.action')} value={draft.text} error={error('text')} required maxLength={MAX_TEXT}
            onValue={(text) => setDraft({ ...draft, text })} />
          <SelectField id="action-owner" label={t('strategy.owner')} value={draft.ownerId} error={error('ownerId')} required
            empty={t('strategy.chooseOwner')} choices={owners.map((p) => ({ value: p.id, label: p.name }))}
            onValue={(ownerId) => setDraft({ ...draft, ownerId })} />
          <TextField id="action-due" type="date" label={t('strategy.due')} value={draft.due} error={error('due')} required min={isoDate(new Date())}
            onValue={(due) => setDraft({ ...draft, due })} />
          <SelectField id="action-status" label={t('strategy.actionStatus')} value={draft.status}
            choices={ACTION_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
            onValue={(status) => setDraft({ ...draft, status: status as ActionStatus })} />
          <ProblemAlert error={add.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={add.busy}>{add.busy ? t('common.saving') : t('strategy.addAction')}</button>
          </div>
        </form>
      )}
    </Section>
  );
}

const EMPTY_RISK = { description: '', mitigation: '', reprisal: false };

export function RisksSection({ content, editable, onSave }: SectionProps) {
  const [draft, setDraft] = useState(EMPTY_RISK);
  const [missing, setMissing] = useState<readonly string[]>([]);
  const add = useAction(async () => {
    await onSave(withRisk(content, { ...draft, description: draft.description.trim(), mitigation: draft.mitigation.trim() }));
    setDraft(EMPTY_RISK);
    focusLater('risk-description');
  });
  const remove = useAction(onSave);
  const error = (field: string) => (missing.includes(field) ? 'field.required' as const : undefined);
  return (
    <Section id="risks" title={sectionName('risks')}>
      <p id="reprisal-explanation" class="reprisal-explanation">{t('strategy.reprisalExplanation')}</p>
      {content.risks.length === 0 ? <p class="meta">{t('strategy.empty')}</p> : (
        <ul id="strategy-risks" class="risk-list">
          {content.risks.map((risk, index) => (
            <li key={index} class={risk.reprisal ? 'reprisal' : undefined}>
              {risk.reprisal && <p class="reprisal-flag"><strong>{t('strategy.reprisalFlag')}</strong></p>}
              <p>{renderInline(risk.description)}</p>
              <p><strong>{t('strategy.mitigation')}:</strong> {renderInline(risk.mitigation)}</p>
              {editable && (
                <div class="actions">
                  <button type="button" class="danger" disabled={remove.busy} onClick={async () => {
                    if (await remove.run(without(content, 'risks', index))) focusLater('risk-description');
                  }}>
                    {t('strategy.remove')}<span class="visually-hidden">{`: ${risk.description}`}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={remove.error} />
      {editable && (
        <form
          id="risk-form"
          class="strategy-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const empty = (['description', 'mitigation'] as const).filter((f) => draft[f].trim() === '');
            setMissing(empty);
            if (empty.length) focusLater(`risk-${empty[0]}`);
            else void add.run();
          }}
        >
          <h3>{t('strategy.addRisk')}</h3>
          <TextArea id="risk-description" label={t('strategy.risk')} value={draft.description} error={error('description')} required maxLength={MAX_TEXT}
            rows={3} onValue={(description) => setDraft({ ...draft, description })} />
          <TextArea id="risk-mitigation" label={t('strategy.mitigation')} value={draft.mitigation} error={error('mitigation')} required maxLength={MAX_TEXT}
            rows={3} onValue={(mitigation) => setDraft({ ...draft, mitigation })} />
          <div class="check">
            <input type="checkbox" id="risk-reprisal" checked={draft.reprisal} aria-describedby="reprisal-explanation"
              onChange={(event) => setDraft({ ...draft, reprisal: event.currentTarget.checked })} />
            <label for="risk-reprisal">{t('strategy.reprisalCheck')}</label>
          </div>
          <ProblemAlert error={add.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={add.busy}>{add.busy ? t('common.saving') : t('strategy.addRisk')}</button>
          </div>
        </form>
      )}
    </Section>
  );
}

/** The words of a finding's latest version (what a reader needs to know which finding is meant). */
function statementOf(found: Finding | null | undefined): string | null {
  const versions = found?.versions ?? [];
  return versions[versions.length - 1]?.content?.statement ?? null;
}

async function loadFindings(linked: readonly string[], editable: boolean) {
  const offered = editable ? (await acceptedFindings()).map((f) => f.findingId).filter((id): id is string => id !== undefined) : [];
  const ids = [...new Set([...linked, ...offered])].slice(0, 100);
  const found = await Promise.all(ids.map((id) => finding(id).catch(() => null)));
  return { offered, findings: new Map(ids.map((id, i) => [id, found[i] ?? null])) };
}

export function EvidenceSection({ content, editable, onSave }: SectionProps) {
  const [loaded, reload] = useLoad(() => loadFindings(content.evidence, editable), [content.evidence.join(','), editable]);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(content.evidence));
  const save = useAction(async (offered: readonly string[]) => {
    await onSave(withEvidence(content, chosen, offered));
    setChoosing(false);
    focusLater('choose-evidence');
  });
  const describe = (id: string, found: Finding | null | undefined) => {
    const statement = statementOf(found);
    const where = [found?.country, found?.institutionId].filter(Boolean).join(', ');
    return (
      <>
        {statement ? <span class="finding-statement">{statement}</span> : null}
        <span class="meta">{t('strategy.findingRef', { id })}{where ? ` · ${where}` : ''}</span>
      </>
    );
  };
  return (
    <Section id="evidence" title={sectionName('evidence')}>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <ProblemAlert error={loaded.error} />}
      {content.evidence.length === 0 ? <p class="meta">{t('strategy.noEvidence')}</p> : (
        <ul id="strategy-evidence" class="evidence-list">
          {content.evidence.map((id) => <li key={id}>{describe(id, loaded.state === 'ready' ? loaded.data.findings.get(id) : undefined)}</li>)}
        </ul>
      )}
      {editable && !choosing && (
        <div class="actions">
          <button type="button" id="choose-evidence" onClick={() => {
            setChosen(new Set(content.evidence));
            setChoosing(true);
            reload();
            focusLater('evidence-choice-title');
          }}>{t('strategy.chooseEvidence')}</button>
        </div>
      )}
      {editable && choosing && loaded.state === 'ready' && (
        <form id="evidence-form" class="strategy-form" onSubmit={(event) => {
          event.preventDefault();
          void save.run(loaded.data.offered);
        }}>
          <fieldset>
            <legend id="evidence-choice-title" tabIndex={-1}>{t('strategy.acceptedFindings')}</legend>
            {loaded.data.offered.length === 0 && <p>{t('strategy.noAcceptedFindings')}</p>}
            {loaded.data.offered.map((id) => (
              <div class="check evidence-choice" key={id}>
                <input type="checkbox" id={`evidence-${id}`} checked={chosen.has(id)} onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(id);
                  else next.delete(id);
                  setChosen(next);
                }} />
                <label for={`evidence-${id}`}>{describe(id, loaded.data.findings.get(id))}</label>
              </div>
            ))}
          </fieldset>
          <ProblemAlert error={save.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('common.saving') : t('strategy.saveEvidence')}</button>
            <button type="button" disabled={save.busy} onClick={() => {
              setChoosing(false);
              focusLater('choose-evidence');
            }}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </Section>
  );
}
