// A coordinator opens a round: on a draft of the strategy or a published guide edition, with a deadline typed
// as a wall-clock time in a chosen IANA zone (Central Asian zones first; the service stores the instant), the
// time in the coordinator's own zone shown beside it, and the member organisations and people invited.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import type { DateTimeFormatter } from '../../dates/format';
import { CENTRAL_ASIAN_ZONES, zoneChoices, zoneCity } from '../../dates/zones';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { instantOf } from '../meetings/logic';
import {
  guideLanguages,
  memberOrganisations,
  openRound,
  searchPeople,
  strategyVersions,
  type OpenBody,
  type Round,
  type SubjectKind,
} from './api';
import type { Viewer } from './logic';
import { editionRefs, openBody, openProblems, type OpenForm, type OpenProblem } from './opening';
import { countryName, languageName } from './words';

const PROBLEM_FIELD: Record<OpenProblem, [string, MessageKey]> = {
  subject: ['round-subject', 'field.required'],
  deadline: ['round-deadline', 'field.required'],
  deadlinePast: ['round-deadline', 'field.future'],
  invitees: ['round-organisations', 'consultations.inviteSomeone'],
};

async function subjects(kind: SubjectKind): Promise<{ value: string; label: string }[]> {
  if (kind === 'STRATEGY_VERSION') {
    // only a draft can be consulted on (an adopted version is refused)
    return (await strategyVersions()).flatMap((v) => (v.status === 'DRAFT' && v.version !== undefined
      ? [{ value: String(v.version), label: t('consultations.draftVersion', { number: v.version }) }] : []));
  }
  return editionRefs(await guideLanguages()).map((ref) => {
    const [lang = '', number = ''] = ref.split('/');
    return { value: ref, label: t('consultations.edition', { language: languageName(lang), number }) };
  });
}

function Check({ id, label, checked, onChange }: { readonly id: string; readonly label: string; readonly checked: boolean; readonly onChange: (on: boolean) => void }) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}

interface Props {
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly onOpened: (round: Round) => void;
  readonly onClose: () => void;
  readonly now?: () => Date;
}

export function OpenRoundForm({ viewer, format, onOpened, onClose, now = () => new Date() }: Props) {
  const zones = useMemo(() => zoneChoices().map((zone) => ({ value: zone, label: `${zoneCity(zone)} (${zone})` })), []);
  const [form, setForm] = useState<OpenForm>({
    subjectKind: 'STRATEGY_VERSION',
    subjectRef: '',
    deadline: '',
    timeZone: (CENTRAL_ASIAN_ZONES as readonly string[]).includes(viewer.zone) ? viewer.zone : 'Asia/Almaty',
    organisations: [],
    people: [],
  });
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [q, setQ] = useState('');
  const [local, setLocal] = useState<Partial<Record<string, MessageKey>>>({});
  const [choices] = useLoad(() => subjects(form.subjectKind), [form.subjectKind]);
  const [organisations] = useLoad(memberOrganisations, []);
  const [found] = useLoad(() => searchPeople(q), [q]);
  const action = useAction(async (body: OpenBody) => onOpened(await openRound(body)));

  useEffect(() => document.getElementById('round-kind')?.focus(), []);

  const deadline = instantOf(form.deadline, form.timeZone);
  const preview = deadline !== null && form.timeZone !== viewer.zone
    ? t('consultations.deadlinePreview', { time: format(deadline, viewer.zone), zone: zoneCity(viewer.zone) }) : '';
  const server = action.fields;
  const error = (id: string, ...fields: string[]) => local[id] ?? fields.map((f) => server[f]).find((key) => key !== undefined);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Record<string, MessageKey> = {};
    for (const problem of openProblems(form, now())) {
      const [id, key] = PROBLEM_FIELD[problem];
      found[id] ??= key;
    }
    setLocal(found);
    const first = Object.keys(found)[0];
    if (first) {
      // a fieldset is not focusable: its first checkbox is
      (document.getElementById(first)?.querySelector<HTMLElement>('input') ?? document.getElementById(first))?.focus();
      return;
    }
    await action.run(openBody(form));
  }

  const invitesError = error('round-organisations');
  return (
    <section id="round-open" aria-labelledby="round-open-title" class="consult-panel">
      <h2 id="round-open-title">{t('consultations.open')}</h2>
      <form id="open-round-form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id="round-kind" label={t('consultations.subjectKind')} value={form.subjectKind}
          choices={[
            { value: 'STRATEGY_VERSION', label: t('consultations.kind.strategy') },
            { value: 'GUIDE_EDITION', label: t('consultations.kind.guide') },
          ]}
          onValue={(value) => setForm({ ...form, subjectKind: value as SubjectKind, subjectRef: '' })} />
        {choices.state === 'failed' ? <ProblemAlert error={choices.error} /> : (
          <SelectField id="round-subject" label={t('consultations.subject')} value={form.subjectRef} required
            empty={choices.state === 'loading' ? t('shell.loading') : choices.data.length ? t('consultations.choose') : t('consultations.nothingToConsult')}
            choices={choices.state === 'ready' ? choices.data : []}
            onValue={(value) => setForm({ ...form, subjectRef: value })} error={error('round-subject', 'subjectRef')} />
        )}
        <TextField id="round-deadline" type="datetime-local" label={t('consultations.deadline')} hint={t('consultations.deadlineHint')}
          value={form.deadline} onValue={(value) => setForm({ ...form, deadline: value })} required
          error={error('round-deadline', 'deadline')} />
        <SelectField id="round-zone" label={t('consultations.timeZone')} value={form.timeZone} choices={zones} required
          onValue={(value) => setForm({ ...form, timeZone: value })} error={error('round-zone', 'timeZone')} />
        <p class="hint" aria-live="polite">{preview}</p>

        <fieldset id="round-organisations" aria-describedby={invitesError ? 'round-invitees-error' : undefined}>
          <legend>{t('consultations.inviteOrganisations')}</legend>
          {organisations.state === 'loading' && <Loading />}
          {organisations.state === 'failed' && <ProblemAlert error={organisations.error} />}
          {organisations.state === 'ready' && organisations.data.length === 0 && <p>{t('consultations.noOrganisations')}</p>}
          {organisations.state === 'ready' && organisations.data.map(({ id, name = '', country }) => id !== undefined && (
            <Check key={id} id={`invite-org-${id}`} label={country ? `${name} (${countryName(country)})` : name}
              checked={form.organisations.includes(id)}
              onChange={(on) => setForm({ ...form, organisations: toggled(form.organisations, id, on) })} />
          ))}
        </fieldset>
        <fieldset id="round-people">
          <legend>{t('consultations.invitePeople')}</legend>
          <TextField id="round-people-search" type="search" label={t('consultations.searchPeople')} value={q} onValue={setQ} autoComplete="off" />
          {found.state === 'loading' && <Loading />}
          {found.state === 'failed' && <ProblemAlert error={found.error} />}
          {found.state === 'ready' && found.data.content.length === 0 && <p>{t('consultations.nobodyFound')}</p>}
          {found.state === 'ready' && found.data.content.map(({ id, displayName = '', country }) => id !== undefined && (
            <Check key={id} id={`invite-person-${id}`} label={country ? `${displayName} (${countryName(country)})` : displayName}
              checked={form.people.includes(id)}
              onChange={(on) => {
                setNames(new Map(names).set(id, displayName));
                setForm({ ...form, people: toggled(form.people, id, on) });
              }} />
          ))}
        </fieldset>
        {form.people.length > 0 && (
          <p id="round-picked">{t('consultations.picked', { names: form.people.map((id) => names.get(id) ?? id).join(', ') })}</p>
        )}
        {invitesError && <p id="round-invitees-error" class="field-error">{t(invitesError)}</p>}
        <ProblemAlert error={action.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? t('consultations.opening') : t('consultations.openSubmit')}
          </button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
