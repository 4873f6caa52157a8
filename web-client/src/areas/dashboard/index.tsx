// The coordinator's dashboard: progress against the plan (a bar chart and a table with the same numbers
// for each target), open invitations, upcoming meetings and what waits for the coordinator.
import type { ComponentChildren } from 'preact';
import { t, translator } from '../../i18n/i18n';
import { hrefOf } from '../../app/router';
import { meetingTime } from '../../dates/format';
import { viewerZone } from '../../dates/zones';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { listPeople, type Person } from '../people/api';
import { countryName, formatInstant, useDateTimeFormatter } from '../people/display';
import { getProgress, upcomingMeetings, type Progress } from './api';
import { chartsOf, percent, type Chart } from './charts';
import type { MessageKey } from '../../i18n/messages/en';
import './dashboard.css';

const WAIT_SIZE = 10;

export default function Dashboard() {
  const [progress, reloadProgress] = useLoad(getProgress, []);
  return (
    <Page title={t('nav.dashboard')}>
      <section aria-labelledby="progress-title" id="progress">
        <h2 id="progress-title">{t('dashboard.progress')}</h2>
        {progress.state === 'loading' && <Loading />}
        {progress.state === 'failed' && <LoadFailed error={progress.error} retry={reloadProgress} />}
        {progress.state === 'ready' && <ProgressCharts progress={progress.data} />}
      </section>
      {/* the rest appears once the charts have their height, so nothing below them jumps while the page fills */}
      {progress.state !== 'loading' && <Rest progress={progress.state === 'ready' ? progress.data : null} />}
    </Page>
  );
}

function Rest({ progress }: { readonly progress: Progress | null }) {
  return (
    <>
      <section aria-labelledby="waiting-title" id="waiting">
        <h2 id="waiting-title">{t('dashboard.waiting')}</h2>
        <PeopleWaiting id="wait-accepted" status="ACCEPTED" title="dashboard.toActivate" empty="dashboard.noneToActivate" hint="dashboard.toActivateHint" />
        <PeopleWaiting id="wait-candidates" status="CANDIDATE" title="dashboard.toInvite" empty="dashboard.noneToInvite" />
      </section>
      <section aria-labelledby="invitations-title" id="open-invitations">
        <h2 id="invitations-title">{t('dashboard.invitations')}</h2>
        {progress !== null && (
          <p>
            {t('dashboard.openInvitations', { count: progress.pendingInvitations?.people ?? 0 })}
            {' · '}
            <a href={hrefOf('organisations', 'status', 'INVITED')}>
              {t('dashboard.openOrganisationInvitations', { count: progress.pendingInvitations?.organisations ?? 0 })}
            </a>
          </p>
        )}
        <PeopleWaiting id="wait-invited" status="INVITED" title="dashboard.invitedPeople" empty="dashboard.noneInvited" showExpiry />
      </section>
      <section aria-labelledby="meetings-title" id="upcoming-meetings">
        <h2 id="meetings-title">{t('dashboard.meetings')}</h2>
        <Meetings />
      </section>
    </>
  );
}

function ProgressCharts({ progress }: { readonly progress: Progress }) {
  const language = translator.value.language;
  const charts = chartsOf(progress, (code) => countryName(code, language), t);
  return (
    <>
      <p class="hint">{t('dashboard.legend')}</p>
      {(progress.experts?.withoutCountry ?? 0) > 0 && (
        <p>{t('dashboard.withoutCountry', { count: progress.experts?.withoutCountry ?? 0 })}</p>
      )}
      {charts.map((chart) => <ChartWithTable key={chart.id} chart={chart} />)}
    </>
  );
}

const STANDING: Readonly<Record<string, MessageKey>> = {
  below: 'dashboard.below',
  within: 'dashboard.within',
  above: 'dashboard.above',
};

function targetText(min: number, max: number | null): string {
  return max === null ? t('dashboard.atLeast', { min }) : t('dashboard.range', { min, max });
}

/** The bars for the eye (hidden from screen readers), the table beside them with the same numbers for everyone. */
export function ChartWithTable({ chart }: { readonly chart: Chart }) {
  const titleId = `${chart.id}-title`;
  return (
    <section class="chart" id={chart.id} aria-labelledby={titleId}>
      <h3 id={titleId}>{t(chart.title)}</h3>
      <div class="chart-pair">
        <div class="bars" aria-hidden="true">
          {chart.rows.map((row) => {
            const from = percent(row.min, chart.scale);
            const to = percent(row.max ?? chart.scale, chart.scale);
            return (
              <div class="bar-row" key={row.key}>
                <span class="bar-label">{row.label}</span>
                <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect class="bar-track" x="0" y="0" width="100" height="10" />
                  <rect class="bar-target" x={from} y="0.5" width={Math.max(0.5, to - from)} height="9" vector-effect="non-scaling-stroke" />
                  <rect class={`bar-value bar-${row.standing}`} x="0" y="2.5" width={percent(row.value, chart.scale)} height="5" />
                </svg>
                <span class="bar-number">{row.value}</span>
              </div>
            );
          })}
        </div>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t(chart.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.what')}</th>
                <th scope="col">{t('dashboard.col.now')}</th>
                <th scope="col">{t('dashboard.col.target')}</th>
                <th scope="col">{t('dashboard.col.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                  <td>{targetText(row.min, row.max)}</td>
                  <td>{t(STANDING[row.standing] ?? 'dashboard.within')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

interface WaitingProps {
  readonly id: string;
  readonly status: 'ACCEPTED' | 'CANDIDATE' | 'INVITED';
  readonly title: MessageKey;
  readonly empty: MessageKey;
  readonly hint?: MessageKey;
  readonly showExpiry?: boolean;
}

function PeopleWaiting({ id, status, title, empty, hint, showExpiry }: WaitingProps) {
  const [loaded, reload] = useLoad(() => listPeople({ status }, 0, WAIT_SIZE), [status]);
  const format = useDateTimeFormatter();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(title)}</h3>
      {hint && <p class="hint">{t(hint)}</p>}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (
        loaded.data.content.length === 0 ? <p>{t(empty)}</p> : (
          <>
            <ul id={id} class="wait-list">
              {loaded.data.content.map((person: Person) => (
                <li key={person.id}>
                  <a href={hrefOf('people', person.id ?? '')}>{person.displayName ?? t('people.noName')}</a>
                  {showExpiry && person.invitation && (
                    <> · {t('dashboard.expires', { date: formatInstant(format, person.invitation.expiresAt) })}</>
                  )}
                </li>
              ))}
            </ul>
            <More total={loaded.data.page.totalElements} shown={loaded.data.content.length} status={status} />
          </>
        )
      )}
    </section>
  );
}

function More({ total, shown, status }: { readonly total: number; readonly shown: number; readonly status: string }) {
  if (total <= shown) return null;
  return <p><a href={hrefOf('people', 'status', status)}>{t('dashboard.more', { count: total - shown })}</a></p>;
}

function Meetings() {
  const [loaded, reload] = useLoad(() => upcomingMeetings(new Date()), []);
  const format = useDateTimeFormatter();
  const zone = viewerZone();
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <LoadFailed error={loaded.error} retry={reload} />;
  if (loaded.data.content.length === 0) return <p>{t('dashboard.noMeetings')}</p>;
  return (
    <ul id="meetings-list" class="wait-list">
      {loaded.data.content.map((meeting) => {
        // without its own zone the meeting's time is the viewer's; without a start there is no time to show
        const meetingZone = meeting.local?.timeZone ?? zone;
        const time = meeting.startsAt ? meetingTime(format, new Date(meeting.startsAt), meetingZone, zone) : null;
        return (
          <li key={meeting.id}>
            <a href={hrefOf('meetings', meeting.id ?? '')}>{meeting.title}</a>
            {time && <Line>{time.local}{time.meeting && <> ({t('dashboard.meetingZone', { time: time.meeting, zone: meetingZone })})</>}</Line>}
            {meeting.invitations && (
              <Line>{t('dashboard.answers', { invited: meeting.invitations.invited ?? 0, yes: meeting.invitations.yes ?? 0, unanswered: meeting.invitations.unanswered ?? 0 })}</Line>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Line({ children }: { readonly children: ComponentChildren }) {
  return <span class="line">{children}</span>;
}
