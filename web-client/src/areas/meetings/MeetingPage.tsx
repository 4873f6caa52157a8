// One meeting: when (my zone and the meeting's), what, the calendar file; RSVP for an invitee before the
// start; for coordinators invitations (by filter or by picking people), invitees and their answers,
// reschedule and cancel before it is held, and after the start attendance, minutes and decisions
// (target institutions from research's catalogue).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import type { DateTimeFormatter } from '../../dates/format';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import {
  answer,
  calendarPath,
  cancelMeeting,
  getMeeting,
  institutions,
  peopleNames,
  RSVPS,
  type Institution,
  type ReadMeeting,
  type Rsvp,
} from './api';
import { answerCounts, attended, inviteeIds, meetingActions, myAnswer, type Viewer } from './logic';
import { kindKey, rsvpKey, statusKey, When } from './shared';
import { AttendanceForm, DecisionForm, InviteForms, MinutesForm, RescheduleForm } from './forms';

interface Props {
  readonly id: string;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
}

export function MeetingPage({ id, viewer, format }: Props) {
  const [loaded, reload] = useLoad(() => getMeeting(id), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const ready = loaded.state !== 'loading';
  // within the area the shell does not move focus: a newly opened meeting's heading gets it here
  // (a layout effect: at once, never after the person has started using the page)
  useLayoutEffect(() => {
    if (ready) document.getElementById('area-title')?.focus();
  }, [ready, id]);
  const done = (message: string) => {
    setStatus(message);
    reload();
  };

  const back = <p><a href={hrefOf('meetings')}>{t('meetings.back')}</a></p>;
  if (loaded.state === 'loading') return <Page title={t('nav.meetings')}>{back}<Loading /></Page>;
  if (loaded.state === 'failed') return <Page title={t('nav.meetings')}>{back}<ProblemAlert error={loaded.error} /></Page>;
  const meeting = loaded.data;
  return (
    <Page title={meeting.title ?? ''}>
      {back}
      <StatusMessage message={status} />
      <MeetingBody meeting={meeting} viewer={viewer} format={format} onDone={done} />
    </Page>
  );
}

function MeetingBody({ meeting, viewer, format, onDone }: {
  readonly meeting: ReadMeeting;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly onDone: (message: string) => void;
}) {
  const now = new Date();
  const actions = meetingActions(meeting, viewer, now);
  const invitees = inviteeIds(meeting);
  const agenda = meeting.agenda ?? [];
  const [names] = useLoad(
    () => (viewer.coordinator && invitees.length ? peopleNames(invitees) : Promise.resolve(new Map<string, string>())),
    [viewer.coordinator, invitees.join(',')],
  );
  const wantsCatalogue = actions.decisions || (meeting.decisions?.length ?? 0) > 0;
  const [catalogue] = useLoad(() => (wantsCatalogue ? institutions() : Promise.resolve([] as readonly Institution[])), [wantsCatalogue]);
  const nameOf = (personId: string) =>
    personId.startsWith('erased-') ? t('meetings.erasedPerson') : names.state === 'ready' ? names.data.get(personId) ?? personId : personId;
  const institutionName = (institutionId: string) =>
    (catalogue.state === 'ready' && catalogue.data.find((institution) => institution.id === institutionId)?.name) || institutionId;

  return (
    <>
      <dl class="meeting-details">
        <dt>{t('meetings.when')}</dt>
        <dd><When meeting={meeting} viewer={viewer} format={format} /></dd>
        {meeting.durationMinutes !== undefined && (
          <><dt>{t('meetings.duration')}</dt><dd>{t('meetings.minutes', { count: meeting.durationMinutes })}</dd></>
        )}
        {meeting.kind && <><dt>{t('meetings.kind')}</dt><dd>{t(kindKey(meeting.kind))}</dd></>}
        {meeting.status && <><dt>{t('meetings.statusLabel')}</dt><dd>{t(statusKey(meeting.status))}</dd></>}
        {meeting.purpose && <><dt>{t('meetings.purpose')}</dt><dd class="meeting-text">{meeting.purpose}</dd></>}
        {meeting.onlineLink && (
          <>
            <dt>{t('meetings.onlineLink')}</dt>
            <dd><a href={meeting.onlineLink} rel="noopener noreferrer">{meeting.onlineLink}</a></dd>
          </>
        )}
        <dt>{t('meetings.invitationsLabel')}</dt>
        <dd>{t('meetings.answers', answerCounts(meeting))}</dd>
      </dl>
      {agenda.length > 0 && (
        <>
          <h2>{t('meetings.agenda')}</h2>
          <ol id="meeting-agenda-items">{agenda.map((item, i) => <li key={i}>{item}</li>)}</ol>
        </>
      )}
      {meeting.status !== 'CANCELLED' && (
        <p>
          <a id="meeting-calendar" href={calendarPath(meeting.id)} download={`meeting-${meeting.id}.ics`}>{t('meetings.addToCalendar')}</a>
        </p>
      )}

      {actions.rsvp && <RsvpButtons meeting={meeting} current={myAnswer(meeting, viewer)} onDone={onDone} />}

      {actions.invite && <InviteForms meeting={meeting} onDone={onDone} />}

      {viewer.coordinator && meeting.invitees && meeting.invitees.length > 0 && (
        <section aria-labelledby="meeting-invitees-title">
          <h2 id="meeting-invitees-title">{t('meetings.invitees')}</h2>
          <div class="table-scroll">
            <table id="meeting-invitees">
              <thead>
                <tr><th scope="col">{t('meetings.person')}</th><th scope="col">{t('rsvp.answer')}</th><th scope="col">{t('meetings.attended')}</th></tr>
              </thead>
              <tbody>
                {meeting.invitees.map((invitee) => (
                  <tr key={invitee.personId}>
                    <th scope="row">{invitee.personId === undefined ? '' : nameOf(invitee.personId)}</th>
                    <td>{invitee.response ? t(rsvpKey(invitee.response)) : t('rsvp.none')}</td>
                    <td>{meeting.attendance ? t(attended(meeting, invitee.personId) ? 'common.yes' : 'common.no') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {actions.attendance && <AttendanceForm meeting={meeting} nameOf={nameOf} onDone={onDone} />}

      {(actions.minutes || meeting.minutes) && (
        <section aria-labelledby="meeting-minutes-title">
          <h2 id="meeting-minutes-title">{t('meetings.minutesTitle')}</h2>
          {actions.minutes ? (
            <MinutesForm meeting={meeting} onDone={onDone} />
          ) : (
            <p id="meeting-minutes" class="meeting-text">{meeting.minutes?.text}</p>
          )}
        </section>
      )}

      {(actions.decisions || (meeting.decisions?.length ?? 0) > 0) && (
        <section aria-labelledby="meeting-decisions-title">
          <h2 id="meeting-decisions-title">{t('meetings.decisions')}</h2>
          {(meeting.decisions?.length ?? 0) > 0 ? (
            <ul id="meeting-decisions">
              {meeting.decisions?.map((decision) => (
                <li key={decision.id}>
                  <strong>{t(decision.kind === 'TARGET_INSTITUTIONS' ? 'meetings.decision.TARGET_INSTITUTIONS' : 'meetings.decision.GENERAL')}</strong>
                  {decision.institutionIds && <span>{`: ${decision.institutionIds.map(institutionName).join(', ')}`}</span>}
                  {decision.text && <p class="meeting-text">{decision.text}</p>}
                  {decision.decidedAt && <p class="hint">{format(new Date(decision.decidedAt), viewer.zone)}</p>}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('meetings.noDecisions')}</p>
          )}
          {actions.decisions && <DecisionForm meeting={meeting} catalogue={catalogue} onDone={onDone} />}
        </section>
      )}

      {(actions.reschedule || actions.cancel) && (
        <section aria-labelledby="meeting-change-title">
          <h2 id="meeting-change-title">{t('meetings.change')}</h2>
          {actions.reschedule && <RescheduleForm meeting={meeting} viewer={viewer} format={format} onDone={onDone} />}
          {actions.cancel && <CancelMeeting meeting={meeting} onDone={onDone} />}
        </section>
      )}
    </>
  );
}

function RsvpButtons({ meeting, current, onDone }: { readonly meeting: ReadMeeting; readonly current: Rsvp | null; readonly onDone: (m: string) => void }) {
  const action = useAction((response: Rsvp) => answer(meeting.id, response));
  return (
    <section aria-labelledby="rsvp-question">
      <h2 id="rsvp-question">{t('rsvp.question')}</h2>
      {current && <p id="rsvp-current">{t('rsvp.current', { answer: t(rsvpKey(current)) })}</p>}
      <div id="rsvp" class="actions" role="group" aria-labelledby="rsvp-question">
        {RSVPS.map((response) => (
          <button
            key={response}
            type="button"
            aria-pressed={current === response}
            class={current === response ? 'primary' : undefined}
            disabled={action.busy}
            onClick={() => void action.run(response).then((ok) => ok && onDone(t('rsvp.sent', { answer: t(rsvpKey(response)) })))}
          >
            {t(rsvpKey(response))}
          </button>
        ))}
      </div>
      {action.busy && <p role="status">{t('meetings.sending')}</p>}
      <ProblemAlert error={action.error} />
    </section>
  );
}

function CancelMeeting({ meeting, onDone }: { readonly meeting: ReadMeeting; readonly onDone: (m: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction(() => cancelMeeting(meeting.id));
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const question = t('meetings.cancelQuestion', { title: meeting.title });
  if (!confirming) {
    return (
      <div class="actions">
        <button type="button" class="danger" ref={start} onClick={() => setConfirming(true)}>{t('meetings.cancelMeeting')}</button>
      </div>
    );
  }
  return (
    <div id="meeting-cancel-confirm" role="group" aria-labelledby="meeting-cancel-question" class="meeting-confirm">
      <p id="meeting-cancel-question">{question}</p>
      <div class="actions">
        <button type="button" class="danger" disabled={action.busy}
          onClick={() => void action.run().then((ok) => {
            if (!ok) return;
            onDone(t('meetings.cancelled'));
            // the cancel button goes away with the meeting's state: focus the page's heading instead
            document.getElementById('area-title')?.focus();
          })}>
          {action.busy ? t('meetings.sending') : t('meetings.cancelConfirm')}
        </button>
        <button type="button" ref={keep} onClick={() => setConfirming(false)}>{t('meetings.keepMeeting')}</button>
      </div>
      <ProblemAlert error={action.error} />
    </div>
  );
}
