// Meetings: #/meetings lists upcoming and past meetings (each in my zone and the meeting's), and lets a
// coordinator schedule one; #/meetings/<id> is one meeting (RSVP, invitations, attendance, minutes,
// decisions). What is offered follows logic.ts; the service decides anyway.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { routeArgs, hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { ApiError } from '../../api/problems';
import type { DateTimeFormatter } from '../../dates/format';
import { Page } from '../../ui/Page';
import { Pager, type Paged } from '../../ui/Pager';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useLoad, type Loaded } from '../../ui/useLoad';
import { calendarPath, getMeeting, listMeetings, type Meeting } from './api';
import { answerCounts, invitationMark, pastQuery, reversedPage, upcomingQuery, type Viewer } from './logic';
import { kindKey, loadViewer, rsvpKey, statusKey, When } from './shared';
import { useDateTime } from '../../dates/useDateTime';
import { ScheduleForm } from './ScheduleForm';
import { MeetingPage } from './MeetingPage';
import './meetings.css';

export default function Meetings() {
  const id = routeArgs.value[0];
  const [viewer] = useLoad(loadViewer, []);
  // native Intl at once, the FormatJS ponyfill once loaded where the browser lacks the language
  const format = useDateTime();
  if (viewer.state === 'failed') return <Page title={t('nav.meetings')}><ProblemAlert error={viewer.error} /></Page>;
  if (viewer.state === 'loading') return <Page title={t('nav.meetings')}><Loading /></Page>;
  return id ? <MeetingPage key={id} id={id} viewer={viewer.data} format={format} /> : <MeetingsList viewer={viewer.data} format={format} />;
}

const SIZE = 20;

/**
 * Upcoming meetings; for someone who is not a coordinator each scheduled one is read singly, because only
 * that read says whether they are invited (the list carries counts, never invitees).
 */
async function loadUpcoming(now: Date, page: number, viewer: Viewer): Promise<Paged<Meeting>> {
  const found = await listMeetings({ ...upcomingQuery(now), page, size: SIZE });
  if (viewer.coordinator) return found;
  const content = await Promise.all(found.content.map((meeting) =>
    meeting.status === 'SCHEDULED' && meeting.id !== undefined ? getMeeting(meeting.id).catch(() => meeting) : Promise.resolve(meeting)));
  return { ...found, content };
}

async function loadPast(now: Date, page: number): Promise<Paged<Meeting>> {
  const first = await listMeetings({ ...pastQuery(now), page: 0, size: SIZE });
  const wanted = reversedPage(page, first.page.totalPages);
  const found = wanted === 0 ? first : await listMeetings({ ...pastQuery(now), page: wanted, size: SIZE });
  return { content: [...found.content].reverse(), page: { ...found.page, number: page } };
}

function MeetingsList({ viewer, format }: { readonly viewer: Viewer; readonly format: DateTimeFormatter }) {
  const now = useMemo(() => new Date(), []);
  const [upcomingPage, setUpcomingPage] = useState(0);
  const [pastPage, setPastPage] = useState(0);
  const [upcoming] = useLoad(() => loadUpcoming(now, upcomingPage, viewer), [upcomingPage]);
  const [past] = useLoad(() => loadPast(now, pastPage), [pastPage]);
  const [scheduling, setScheduling] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // back from a meeting's page (the same area, so the shell does not move focus): the list's heading
  useLayoutEffect(() => document.getElementById('area-title')?.focus(), []);

  return (
    <Page title={t('nav.meetings')}>
      {viewer.coordinator && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            ref={toggle}
            aria-expanded={scheduling}
            aria-controls="meeting-schedule"
            onClick={() => setScheduling(!scheduling)}
          >
            {t('meetings.schedule')}
          </button>
        </div>
      )}
      {viewer.coordinator && scheduling && (
        <ScheduleForm
          viewer={viewer}
          onScheduled={(meeting) => {
            window.location.hash = hrefOf('meetings', meeting.id ?? '');
          }}
          onClose={() => {
            setScheduling(false);
            toggle.current?.focus();
          }}
        />
      )}
      <section aria-labelledby="meetings-upcoming-title">
        <h2 id="meetings-upcoming-title">{t('meetings.upcoming')}</h2>
        <MeetingList id="meetings-upcoming" loaded={upcoming} viewer={viewer} format={format} calendar
          empty={t('meetings.noUpcoming')} onPage={setUpcomingPage} label={t('meetings.upcoming')} />
      </section>
      <section aria-labelledby="meetings-past-title">
        <h2 id="meetings-past-title">{t('meetings.past')}</h2>
        <MeetingList id="meetings-past" loaded={past} viewer={viewer} format={format} calendar={false}
          empty={t('meetings.noPast')} onPage={setPastPage} label={t('meetings.past')} />
      </section>
    </Page>
  );
}

interface ListProps {
  readonly id: string;
  readonly loaded: Loaded<Paged<Meeting>>;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly calendar: boolean;
  readonly empty: string;
  readonly label: string;
  readonly onPage: (page: number) => void;
}

function MeetingList({ id, loaded, viewer, format, calendar, empty, label, onPage }: ListProps) {
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    // the list is for working-group members: someone invited but not active yet has no role
    if (loaded.error instanceof ApiError && loaded.error.status === 403) return <p id={id}>{t('meetings.notYetMember')}</p>;
    return <ProblemAlert error={loaded.error} />;
  }
  const { content, page } = loaded.data;
  if (content.length === 0) return <p id={id}>{empty}</p>;
  return (
    <>
      <ul id={id} class="meeting-list">
        {content.map((meeting) => {
          const mark = invitationMark(meeting, viewer);
          return (
            <li key={meeting.id}>
              <h3><a href={hrefOf('meetings', meeting.id ?? '')}>{meeting.title}</a></h3>
              <p><When meeting={meeting} viewer={viewer} format={format} /></p>
              {mark && (
                <p class="invited">
                  <strong>{t('meetings.youAreInvited')}</strong>{' '}
                  {mark.answer ? t('rsvp.current', { answer: t(rsvpKey(mark.answer)) }) : mark.answerKnown ? t('meetings.notAnswered') : ''}
                </p>
              )}
              <p class="meeting-facts">
                {meeting.kind && <span>{t(kindKey(meeting.kind))}</span>}
                {meeting.status && <span>{t(statusKey(meeting.status))}</span>}
                <span>{t('meetings.answers', answerCounts(meeting))}</span>
              </p>
              {calendar && meeting.status === 'SCHEDULED' && meeting.id !== undefined && (
                <p>
                  <a href={calendarPath(meeting.id)} download={`meeting-${meeting.id}.ics`}>
                    {t('meetings.addToCalendar')}<span class="visually-hidden">{`: ${meeting.title}`}</span>
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <Pager page={page} onPage={onPage} label={label} />
    </>
  );
}
