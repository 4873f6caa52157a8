// A coordinator schedules a meeting: a wall-clock time in an IANA zone (Central Asian zones first), sent
// as `localStart` + `timeZone` so the service converts it; the time in the coordinator's own zone is
// shown beside it before sending.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { CENTRAL_ASIAN_ZONES, zoneChoices, zoneCity } from '../../dates/zones';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { MEETING_KINDS, scheduleMeeting, type Meeting, type MeetingKind, type ScheduleBody } from './api';
import { instantOf, scheduleBody, scheduleProblems, type ScheduleForm as Form, type ScheduleProblem, type Viewer } from './logic';
import { kindKey } from './shared';
import { useDateTime } from '../../dates/useDateTime';

const PROBLEM_FIELD: Record<ScheduleProblem, [string, MessageKey]> = {
  title: ['meeting-title', 'field.required'],
  localStart: ['meeting-start', 'field.required'],
  localStartPast: ['meeting-start', 'field.future'],
  durationMinutes: ['meeting-duration', 'field.range'],
};

export function zoneOptions(zones: readonly string[] = zoneChoices()) {
  return zones.map((zone) => ({ value: zone, label: `${zoneCity(zone)} (${zone})` }));
}

interface Props {
  readonly viewer: Viewer;
  readonly onScheduled: (meeting: Meeting) => void;
  readonly onClose: () => void;
  readonly now?: () => Date;
}

export function ScheduleForm({ viewer, onScheduled, onClose, now = () => new Date() }: Props) {
  const zones = useMemo(() => zoneOptions(), []);
  const [form, setForm] = useState<Form>({
    title: '',
    kind: 'EXPERT_MEETING',
    purpose: '',
    agenda: '',
    localStart: '',
    // the coordinator's own zone when it is one of the plan's, else Bishkek (the plan's meetings are held in the region)
    timeZone: (CENTRAL_ASIAN_ZONES as readonly string[]).includes(viewer.zone) ? viewer.zone : 'Asia/Bishkek',
    durationMinutes: '90',
    onlineLink: '',
  });
  const [local, setLocal] = useState<Partial<Record<string, MessageKey>>>({});
  const action = useAction(async (body: ScheduleBody) => onScheduled(await scheduleMeeting(body)));
  const format = useDateTime();
  const set = (field: keyof Form) => (value: string) => setForm({ ...form, [field]: value });

  useEffect(() => document.getElementById('meeting-title')?.focus(), []);

  const server = action.fields;
  const error = (id: string, ...fields: string[]) => local[id] ?? fields.map((field) => server[field]).find((key) => key !== undefined);
  const start = instantOf(form.localStart, form.timeZone);
  const preview = start !== null && form.timeZone !== viewer.zone
    ? t('meetings.startPreview', { time: format(start, viewer.zone), zone: zoneCity(viewer.zone) })
    : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    const problems = scheduleProblems(form, now());
    const found: Record<string, MessageKey> = {};
    for (const problem of problems) {
      const [id, key] = PROBLEM_FIELD[problem];
      found[id] ??= key;
    }
    setLocal(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    await action.run(scheduleBody(form));
  }

  return (
    <section id="meeting-schedule" aria-labelledby="meeting-schedule-title" class="meeting-panel">
      <h2 id="meeting-schedule-title">{t('meetings.schedule')}</h2>
      <form id="meeting-schedule-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="meeting-title" label={t('meetings.title')} value={form.title} onValue={set('title')} required maxLength={200}
          error={error('meeting-title', 'title')} />
        <SelectField id="meeting-kind" label={t('meetings.kind')} value={form.kind}
          choices={MEETING_KINDS.map((kind) => ({ value: kind, label: t(kindKey(kind)) }))}
          onValue={(value) => setForm({ ...form, kind: value as MeetingKind })} error={error('meeting-kind', 'kind')} />
        <TextArea id="meeting-purpose" label={t('meetings.purpose')} value={form.purpose} onValue={set('purpose')} maxLength={2000}
          error={error('meeting-purpose', 'purpose')} rows={3} />
        <TextArea id="meeting-agenda" label={t('meetings.agenda')} hint={t('meetings.agendaHint')} value={form.agenda} onValue={set('agenda')}
          error={error('meeting-agenda', 'agenda')} rows={4} />
        <TextField id="meeting-start" type="datetime-local" label={t('meetings.start')} hint={t('meetings.startHint')} value={form.localStart}
          onValue={set('localStart')} required error={error('meeting-start', 'localStart', 'startsAt', 'start')} />
        <SelectField id="meeting-zone" label={t('meetings.timeZone')} value={form.timeZone} choices={zones} onValue={set('timeZone')} required
          error={error('meeting-zone', 'timeZone')} />
        <p class="hint" aria-live="polite">{preview ?? ''}</p>
        <TextField id="meeting-duration" type="number" inputMode="numeric" label={t('meetings.duration')} value={form.durationMinutes}
          onValue={set('durationMinutes')} min="1" max="1440" required error={error('meeting-duration', 'durationMinutes')} />
        <TextField id="meeting-link" type="url" label={t('meetings.onlineLink')} hint={t('meetings.onlineLinkHint')} value={form.onlineLink}
          onValue={set('onlineLink')} maxLength={500} error={error('meeting-link', 'onlineLink')} />
        <ProblemAlert error={action.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? t('meetings.scheduling') : t('meetings.scheduleSubmit')}
          </button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
