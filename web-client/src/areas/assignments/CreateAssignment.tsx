// A coordinator assigns research: one active expert (research-service takes no one else), a country,
// a catalogue institution, a strand and a due date. The plan's warnings (more than 3 experts in a
// country) are shown, not refused.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { SelectField, TextField } from '../../ui/Field';
import { LoadFailed, Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { STRANDS, activeExperts, createAssignment, listCountries, listInstitutions, type Strand } from './api';
import { localDay } from './logic';
import { country, strandKey } from './shared';

interface Form {
  readonly expertId: string;
  readonly country: string;
  readonly institutionId: string;
  readonly strand: string;
  readonly dueDate: string;
}

const EMPTY: Form = { expertId: '', country: '', institutionId: '', strand: '', dueDate: '' };

async function loadChoices() {
  const [experts, countries, institutions] = await Promise.all([activeExperts(), listCountries(), listInstitutions()]);
  return { experts, countries, institutions };
}

export function CreateAssignment({ onCreated, onClose }: { readonly onCreated: () => void; readonly onClose: () => void }) {
  const [choices, retry] = useLoad(loadChoices, []);
  const [form, setForm] = useState<Form>(EMPTY);
  const [local, setLocal] = useState<Readonly<Record<string, MessageKey>>>({});
  const [done, setDone] = useState<string | null>(null);
  const today = useMemo(() => localDay(), []);
  const action = useAction(async (body: Form) => {
    const created = await createAssignment({ ...body, strand: body.strand as Strand });
    const warnings = created.warnings ?? [];
    setDone(warnings.length > 0 ? t('assignments.createdWithWarning', { count: warnings.length }) : t('assignments.created'));
    setForm(EMPTY);
    onCreated();
  });
  const error = (id: string, field: string) => local[id] ?? action.fields[field];

  if (choices.state === 'loading') return <Loading />;
  if (choices.state === 'failed') return <LoadFailed error={choices.error} retry={retry} />;
  const { experts, countries, institutions } = choices.data;

  function pickExpert(expertId: string) {
    // the expert's own country first: most assignments are about it
    const chosen = experts.find((p) => p.id === expertId);
    setForm({ ...form, expertId, country: form.country || chosen?.country || '' });
  }

  async function submit(event: Event) {
    event.preventDefault();
    setDone(null);
    const found: Record<string, MessageKey> = {};
    if (!form.expertId) found['assignment-expert'] = 'field.required';
    if (!form.country) found['assignment-country'] = 'field.required';
    if (!form.institutionId) found['assignment-institution'] = 'field.required';
    if (!form.strand) found['assignment-strand'] = 'field.required';
    if (!form.dueDate) found['assignment-due'] = 'field.required';
    else if (form.dueDate < today) found['assignment-due'] = 'field.future';
    setLocal(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    await action.run(form);
  }

  return (
    <section id="assignment-create" aria-labelledby="assignment-create-title" class="assignment-panel">
      <h2 id="assignment-create-title">{t('assignments.new')}</h2>
      {experts.length === 0 && <p>{t('assignments.noExperts')}</p>}
      <form id="assignment-form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id="assignment-expert" label={t('assignments.field.expert')} hint={t('assignments.expertHint')}
          value={form.expertId} empty={t('assignments.choose')} required error={error('assignment-expert', 'expertId')}
          choices={experts.map((p) => ({ value: p.id ?? '', label: p.country ? `${p.displayName ?? p.id} (${country(p.country)})` : p.displayName ?? p.id ?? '' }))}
          onValue={pickExpert} />
        <SelectField id="assignment-country" label={t('assignments.field.country')} value={form.country} empty={t('assignments.choose')}
          required error={error('assignment-country', 'country')}
          choices={countries.map((c) => ({ value: c.code ?? '', label: country(c.code) }))}
          onValue={(value) => setForm({ ...form, country: value })} />
        <SelectField id="assignment-institution" label={t('assignments.field.institution')} value={form.institutionId}
          empty={t('assignments.choose')} required error={error('assignment-institution', 'institutionId')}
          choices={institutions.map((i) => ({ value: i.id ?? '', label: i.name ?? i.id ?? '' }))}
          onValue={(value) => setForm({ ...form, institutionId: value })} />
        <SelectField id="assignment-strand" label={t('assignments.field.strand')} value={form.strand} empty={t('assignments.choose')}
          required error={error('assignment-strand', 'strand')}
          choices={STRANDS.map((s) => ({ value: s, label: t(strandKey(s)) }))}
          onValue={(value) => setForm({ ...form, strand: value })} />
        <TextField id="assignment-due" type="date" label={t('assignments.field.due')} value={form.dueDate} min={today} required
          error={error('assignment-due', 'dueDate')} onValue={(value) => setForm({ ...form, dueDate: value })} />
        <ProblemAlert error={action.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? t('assignments.assigning') : t('assignments.assign')}
          </button>
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}
