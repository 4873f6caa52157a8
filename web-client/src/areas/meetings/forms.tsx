// A coordinator's forms on one meeting: invitations (by filter or by picking people), attendance,
// minutes, decisions and rescheduling. Each says what it did in the page's status line and reloads.
import { useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import type { DateTimeFormatter } from '../../dates/format';
import { zoneCity } from '../../dates/zones';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad, type Loaded } from '../../ui/useLoad';
import {
  countries,
  decide,
  invite,
  recordAttendance,
  recordMinutes,
  rescheduleMeeting,
  searchPeople,
  type DecisionBody,
  type DecisionKind,
  type Institution,
  type InviteFilter,
  type InvitationsResult,
  type ReadMeeting,
} from './api';
import { instantOf, inviteeIds, type Viewer } from './logic';
import { zoneOptions } from './ScheduleForm';

type Done = (message: string) => void;

/** Membership statuses worth inviting to a meeting (no filter on "removed" or "left" people). */
export const INVITE_STATUSES = ['ACTIVE', 'ACCEPTED', 'INVITED'] as const;
export const INVITE_ROLES = ['EXPERT', 'MEMBER', 'COORDINATOR', 'TRANSLATOR', 'OBSERVER'] as const;

/** The filter as the invitations endpoint takes it: empty choices left out. */
export function inviteFilter(status: string, role: string, country: string): InviteFilter {
  const knownStatus = INVITE_STATUSES.find((value) => value === status);
  const knownRole = INVITE_ROLES.find((value) => value === role);
  return { ...(knownStatus ? { status: knownStatus } : {}), ...(knownRole ? { role: knownRole } : {}), ...(country ? { country } : {}) };
}

function countryName(code: string, fallback: string): string {
  try {
    return new Intl.DisplayNames([translator.value.language, 'en'], { type: 'region' }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

function Check({ id, label, checked, disabled, onChange }: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

export function InviteForms({ meeting, onDone }: { readonly meeting: ReadMeeting; readonly onDone: Done }) {
  return (
    <section aria-labelledby="meeting-invite-title">
      <h2 id="meeting-invite-title">{t('meetings.invite')}</h2>
      <InviteByFilter meeting={meeting} onDone={onDone} />
      <InviteByPicking meeting={meeting} onDone={onDone} />
    </section>
  );
}

function invitedMessage(result: InvitationsResult): string {
  return t('meetings.invitedResult', { invited: result.invited?.length ?? 0, already: result.alreadyInvited?.length ?? 0 });
}

function InviteByFilter({ meeting, onDone }: { readonly meeting: ReadMeeting; readonly onDone: Done }) {
  const [status, setStatus] = useState<string>('ACTIVE');
  const [role, setRole] = useState('');
  const [country, setCountry] = useState('');
  const [list] = useLoad(countries, []);
  const action = useAction(async () => onDone(invitedMessage(await invite(meeting.id, { filter: inviteFilter(status, role, country) }))));
  const countryChoices = list.state === 'ready'
    ? list.data.flatMap((c) => (c.code ? [{ value: c.code, label: countryName(c.code, c.name ?? c.code) }] : []))
    : [];
  return (
    <form id="invite-filter-form" onSubmit={(event) => { event.preventDefault(); void action.run(); }}>
      <h3>{t('meetings.inviteByFilter')}</h3>
      <SelectField id="invite-status" label={t('meetings.filterStatus')} value={status} required
        choices={INVITE_STATUSES.map((value) => ({ value, label: t(`status.${value.toLowerCase()}` as MessageKey) }))}
        onValue={setStatus} error={action.fields['filter.status']} />
      <SelectField id="invite-role" label={t('meetings.filterRole')} value={role} empty={t('meetings.any')}
        choices={INVITE_ROLES.map((value) => ({ value, label: t(`role.${value.toLowerCase()}` as MessageKey) }))}
        onValue={setRole} error={action.fields['filter.role']} />
      <SelectField id="invite-country" label={t('meetings.filterCountry')} value={country} empty={t('meetings.any')}
        choices={countryChoices} onValue={setCountry} error={action.fields['filter.country']} />
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('meetings.sending') : t('meetings.inviteMatching')}
        </button>
      </div>
    </form>
  );
}

function InviteByPicking({ meeting, onDone }: { readonly meeting: ReadMeeting; readonly onDone: Done }) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const [empty, setEmpty] = useState(false);
  const [found] = useLoad(() => searchPeople({ q: q.trim(), page: 0, size: 20 }), [q]);
  const invited = new Set(inviteeIds(meeting));
  const action = useAction(async () => {
    const result = await invite(meeting.id, { personIds: [...picked.keys()] });
    setPicked(new Map());
    onDone(invitedMessage(result));
  });
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(id, name);
    else next.delete(id);
    setPicked(next);
    setEmpty(false);
  };
  return (
    <form id="invite-pick-form" onSubmit={(event) => {
      event.preventDefault();
      if (picked.size === 0) {
        setEmpty(true);
        return;
      }
      void action.run();
    }}>
      <h3>{t('meetings.invitePick')}</h3>
      <TextField id="invite-search" type="search" label={t('meetings.searchPeople')} value={q} onValue={setQ} autoComplete="off" />
      <fieldset id="invite-people" aria-describedby={empty ? 'invite-people-error' : undefined}>
        <legend>{t('meetings.peopleFound')}</legend>
        {found.state === 'loading' && <Loading />}
        {found.state === 'failed' && <ProblemAlert error={found.error} />}
        {found.state === 'ready' && found.data.content.length === 0 && <p>{t('meetings.nobodyFound')}</p>}
        {found.state === 'ready' && found.data.content.map(({ id, displayName = '', status }) => id !== undefined && (
          <Check
            key={id}
            id={`invite-person-${id}`}
            label={invited.has(id)
              ? t('meetings.alreadyInvitedName', { name: displayName })
              : status ? `${displayName} (${t(`status.${status.toLowerCase()}` as MessageKey)})` : displayName}
            checked={invited.has(id) || picked.has(id)}
            disabled={invited.has(id)}
            onChange={(on) => toggle(id, displayName, on)}
          />
        ))}
        {empty && <p id="invite-people-error" class="field-error">{t('meetings.pickSomeone')}</p>}
      </fieldset>
      {picked.size > 0 && <p id="invite-picked">{t('meetings.picked', { names: [...picked.values()].join(', ') })}</p>}
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('meetings.sending') : t('meetings.inviteSelected', { count: picked.size })}
        </button>
      </div>
    </form>
  );
}

export function AttendanceForm({ meeting, nameOf, onDone }: {
  readonly meeting: ReadMeeting;
  readonly nameOf: (personId: string) => string;
  readonly onDone: Done;
}) {
  // erased people are no longer people the service knows: they cannot be ticked
  const people = inviteeIds(meeting).filter((id) => !id.startsWith('erased-'));
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(meeting.attendance?.attendeeIds ?? []));
  const [empty, setEmpty] = useState(false);
  const action = useAction(async () => {
    await recordAttendance(meeting.id, people.filter((id) => ticked.has(id)));
    onDone(t('meetings.attendanceRecorded'));
  });
  return (
    <section aria-labelledby="meeting-attendance-title">
      <h2 id="meeting-attendance-title">{t('meetings.attendance')}</h2>
      {people.length === 0 ? <p>{t('meetings.nobodyInvited')}</p> : (
        <form id="attendance-form" onSubmit={(event) => {
          event.preventDefault();
          if (!people.some((id) => ticked.has(id))) {
            setEmpty(true);
            return;
          }
          void action.run();
        }}>
          <fieldset aria-describedby={empty ? 'attendance-error' : undefined}>
            <legend>{t('meetings.whoAttended')}</legend>
            {people.map((id) => (
              <Check key={id} id={`attendee-${id}`} label={nameOf(id)} checked={ticked.has(id)} onChange={(on) => {
                const next = new Set(ticked);
                if (on) next.add(id);
                else next.delete(id);
                setTicked(next);
                setEmpty(false);
              }} />
            ))}
            {empty && <p id="attendance-error" class="field-error">{t('meetings.tickSomeone')}</p>}
          </fieldset>
          <ProblemAlert error={action.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy}>
              {action.busy ? t('meetings.sending') : t('meetings.recordAttendance')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function MinutesForm({ meeting, onDone }: { readonly meeting: ReadMeeting; readonly onDone: Done }) {
  const [text, setText] = useState(meeting.minutes?.text ?? '');
  const [empty, setEmpty] = useState(false);
  const action = useAction(async () => {
    await recordMinutes(meeting.id, text);
    onDone(t('meetings.minutesSaved'));
  });
  return (
    <form id="minutes-form" onSubmit={(event) => {
      event.preventDefault();
      if (!text.trim()) {
        setEmpty(true);
        document.getElementById('minutes-text')?.focus();
        return;
      }
      setEmpty(false);
      void action.run();
    }}>
      <TextArea id="minutes-text" label={t('meetings.minutesText')} value={text} onValue={setText} rows={8} maxLength={50000}
        error={empty ? 'field.required' : action.fields['text']} />
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('meetings.sending') : t('meetings.saveMinutes')}
        </button>
      </div>
    </form>
  );
}

/** The decision as the endpoint takes it, or the field that is missing. */
export function decisionBody(kind: DecisionKind, institutionIds: readonly string[], text: string): DecisionBody | 'institutions' | 'text' {
  const note = text.trim();
  if (kind === 'TARGET_INSTITUTIONS') {
    if (institutionIds.length === 0) return 'institutions';
    return { kind, institutionIds: [...institutionIds], ...(note ? { text: note } : {}) };
  }
  return note ? { kind, text: note } : 'text';
}

export function DecisionForm({ meeting, catalogue, onDone }: {
  readonly meeting: ReadMeeting;
  readonly catalogue: Loaded<readonly Institution[]>;
  readonly onDone: Done;
}) {
  const [kind, setKind] = useState<DecisionKind>('TARGET_INSTITUTIONS');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<'institutions' | 'text' | null>(null);
  const action = useAction(async (body: DecisionBody) => {
    await decide(meeting.id, body);
    setChosen([]);
    setText('');
    onDone(t('meetings.decisionRecorded'));
  });
  const institutionsError = missing === 'institutions' ? 'meetings.chooseInstitution' as const
    : action.fields['institutionIds'] ? 'meetings.unknownInstitution' as const : undefined;
  return (
    <form id="decision-form" onSubmit={(event) => {
      event.preventDefault();
      const body = decisionBody(kind, chosen, text);
      if (typeof body === 'string') {
        setMissing(body);
        return;
      }
      setMissing(null);
      void action.run(body);
    }}>
      <h3>{t('meetings.recordDecision')}</h3>
      <SelectField id="decision-kind" label={t('meetings.decisionKind')} value={kind}
        choices={[
          { value: 'TARGET_INSTITUTIONS', label: t('meetings.decision.TARGET_INSTITUTIONS') },
          { value: 'GENERAL', label: t('meetings.decision.GENERAL') },
        ]}
        onValue={(value) => {
          setKind(value as DecisionKind);
          setMissing(null);
        }} />
      {kind === 'TARGET_INSTITUTIONS' && (
        <fieldset id="decision-institutions" aria-describedby={institutionsError ? 'decision-institutions-error' : undefined}>
          <legend>{t('meetings.targetInstitutions')}</legend>
          {catalogue.state === 'loading' && <Loading />}
          {catalogue.state === 'failed' && <ProblemAlert error={catalogue.error} />}
          {catalogue.state === 'ready' && catalogue.data.map(({ id: institutionId, name }) => institutionId !== undefined && (
            <Check key={institutionId} id={`institution-${institutionId}`} label={name ?? institutionId}
              checked={chosen.includes(institutionId)}
              onChange={(on) => {
                setChosen(on ? [...chosen, institutionId] : chosen.filter((id) => id !== institutionId));
                setMissing(null);
              }} />
          ))}
          {institutionsError && <p id="decision-institutions-error" class="field-error">{t(institutionsError)}</p>}
        </fieldset>
      )}
      <TextArea id="decision-text" label={kind === 'GENERAL' ? t('meetings.decisionText') : t('meetings.decisionNote')} value={text}
        onValue={(value) => {
          setText(value);
          setMissing(null);
        }} rows={3} maxLength={2000} required={kind === 'GENERAL'}
        error={missing === 'text' ? 'field.required' : action.fields['text']} />
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('meetings.sending') : t('meetings.recordDecision')}
        </button>
      </div>
    </form>
  );
}

export function RescheduleForm({ meeting, viewer, format, onDone }: {
  readonly meeting: ReadMeeting;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly onDone: Done;
}) {
  // the meeting's wall-clock start and zone as the form's first values (empty, or the viewer's zone, when not in the answer)
  const [localStart, setLocalStart] = useState(meeting.local?.dateTime?.substring(0, 16) ?? '');
  const [zone, setZone] = useState(meeting.local?.timeZone ?? viewer.zone);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const action = useAction(async () => {
    await rescheduleMeeting(meeting.id, { localStart, timeZone: zone });
    onDone(t('meetings.rescheduled'));
  });
  const start = instantOf(localStart, zone);
  const serverError = action.fields['localStart'] ?? action.fields['startsAt'] ?? action.fields['start'];
  return (
    <form id="reschedule-form" onSubmit={(event) => {
      event.preventDefault();
      const at = instantOf(localStart, zone);
      const found: MessageKey | null = at === null ? 'field.required' : at.getTime() <= Date.now() ? 'field.future' : null;
      setProblem(found);
      if (found) {
        document.getElementById('reschedule-start')?.focus();
        return;
      }
      void action.run();
    }}>
      <h3>{t('meetings.reschedule')}</h3>
      <TextField id="reschedule-start" type="datetime-local" label={t('meetings.newStart')} value={localStart} onValue={setLocalStart}
        required error={problem ?? serverError} />
      <SelectField id="reschedule-zone" label={t('meetings.timeZone')} value={zone} choices={zoneOptions()} onValue={setZone}
        error={action.fields['timeZone']} />
      <p class="hint" aria-live="polite">
        {start && zone !== viewer.zone ? t('meetings.startPreview', { time: format(start, viewer.zone), zone: zoneCity(viewer.zone) }) : ''}
      </p>
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" disabled={action.busy}>{action.busy ? t('meetings.sending') : t('meetings.reschedule')}</button>
      </div>
    </form>
  );
}
