// One round: the deadline and a countdown in the reader's zone, the consulted text by section with its
// comments (quote, text, replies, resolution), the comment box (closed after the deadline, saying why and
// when), and participation against the plan's targets.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { meetingTime, type DateTimeFormatter } from '../../dates/format';
import { zoneCity } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { getParticipation, getRound, peopleNames, type ReadRound } from './api';
import { countdown, deadlineOf, isOpen, nextTick, roundActions, sectionsOf, stageOf, type Stage, type Viewer } from './logic';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { ParticipationChart } from './ParticipationChart';
import { sectionHeading, subjectName } from './words';
import { commentsOn } from './logic';

interface Props {
  readonly id: string;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
}

/** Now, moved on at each whole minute before the deadline and at the deadline itself. */
function useNow(deadline: Date | null): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (deadline === null) return undefined;
    const wait = nextTick(deadline, now);
    if (wait === null) return undefined;
    const timer = setTimeout(() => setNow(new Date()), wait + 50);
    return () => clearTimeout(timer);
  }, [deadline?.getTime(), now]);
  return now;
}

export function RoundPage({ id, viewer, format }: Props) {
  const [loaded, reload] = useLoad(() => getRound(id), [id]);
  const [participation, reloadParticipation] = useLoad(() => getParticipation(id), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const ready = loaded.state !== 'loading';
  useLayoutEffect(() => {
    if (ready) document.getElementById('area-title')?.focus();
  }, [ready, id]);
  const done = (message: string) => {
    setStatus(message);
    reload();
    reloadParticipation();
  };
  const back = <p><a href={hrefOf('consultations')}>{t('consultations.back')}</a></p>;
  if (loaded.state === 'loading') return <Page title={t('consultations.title')}>{back}<Loading /></Page>;
  if (loaded.state === 'failed') return <Page title={t('consultations.title')}>{back}<ProblemAlert error={loaded.error} /></Page>;
  const round = loaded.data;
  return (
    <Page title={subjectName(round)}>
      {back}
      <StatusMessage message={status} />
      <RoundBody round={round} viewer={viewer} format={format} onDone={done}
        onClosed={() => {
          // the service's clock records the closing within its interval: read the round again shortly after
          setTimeout(() => {
            reload();
            reloadParticipation();
          }, 2000);
        }} />
      <ParticipationChart loaded={participation} round={round} retry={reloadParticipation} />
    </Page>
  );
}

function RoundBody({ round, viewer, format, onDone, onClosed }: {
  readonly round: ReadRound;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly onDone: (message: string) => void;
  readonly onClosed: () => void;
}) {
  const deadline = deadlineOf(round);
  const now = useNow(deadline);
  const open = isOpen(round, now);
  const actions = roundActions(round, viewer, now);
  const sections = useMemo(() => sectionsOf(round), [round]);
  const authors = [...new Set((round.comments ?? []).flatMap((c) => [c.authorId ?? '', ...(c.replies ?? []).map((r) => r.authorId ?? '')]))]
    .filter((x) => x !== '');
  const [names] = useLoad(() => (authors.length ? peopleNames(authors).catch(() => new Map<string, string>()) : Promise.resolve(new Map<string, string>())),
    [authors.join(',')]);
  const nameMap = names.state === 'ready' ? names.data : new Map<string, string>();
  const [section, setSection] = useState(sections[0]?.key ?? '');
  const [quote, setQuote] = useState('');

  return (
    <>
      <Deadline round={round} viewer={viewer} format={format} now={now} onClosed={onClosed} />
      {sections.map(({ key, text }) => {
        const comments = commentsOn(round, key);
        const heading = sectionHeading(round, key, text);
        return (
          <section key={key} id={`section-${key}`} class="consult-section" aria-labelledby={`section-${key}-title`}>
            <h2 id={`section-${key}-title`}>{heading}</h2>
            <div class="consult-text" id={`section-${key}-text`} data-section={key}>{text || t('consultations.emptySection')}</div>
            {actions.comment && (
              <div class="actions">
                <button type="button" onClick={() => {
                  setSection(key);
                  document.getElementById('comment-quote')?.focus();
                }}>
                  {t('consultations.commentOnSection')}<span class="visually-hidden">{`: ${heading}`}</span>
                </button>
              </div>
            )}
            {comments.length > 0 && (
              <>
                <h3 class="visually-hidden">{t('consultations.commentsOn', { section: heading })}</h3>
                <ul class="consult-comments" id={`comments-${key}`}>
                  {comments.map((comment) => (
                    <CommentItem key={comment.id} round={round} comment={comment} viewer={viewer} format={format} now={now}
                      names={nameMap} onDone={onDone} />
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
      <section id="comment-box" aria-labelledby="comment-box-title" class="consult-panel">
        <h2 id="comment-box-title">{t('consultations.yourComment')}</h2>
        {actions.comment ? (
          <CommentForm round={round} sections={sections} section={section} quote={quote}
            onSection={setSection} onQuote={setQuote}
            onDone={(message) => {
              setQuote('');
              onDone(message);
            }} />
        ) : !open && deadline ? (
          <p id="comment-closed" class="consult-closed">
            {t('consultations.closedBecause', { time: format(deadline, viewer.zone), zone: zoneCity(viewer.zone) })}
          </p>
        ) : (
          <p id="comment-not-invited">{t('consultations.notInvited')}</p>
        )}
      </section>
    </>
  );
}

function Deadline({ round, viewer, format, now, onClosed }: {
  readonly round: ReadRound;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly now: Date;
  readonly onClosed: () => void;
}) {
  const deadline = deadlineOf(round);
  const stage = deadline ? stageOf(deadline, now) : null;
  const last = useRef<Stage | null>(stage);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (stage === null || stage === last.current) return;
    const before = last.current;
    last.current = stage;
    // only a change of stage is announced, never the minute-by-minute count
    setAnnouncement(stage === 'closed' || deadline === null ? t('consultations.nowClosed') : countdownText(deadline, now));
    if (stage === 'closed' && before !== null) onClosed();
  }, [stage]);
  if (deadline === null) return null;
  const zone = round.timeZone ?? viewer.zone;
  const open = isOpen(round, now);
  // the round's own zone beside the reader's only when its clock shows another time
  const time = meetingTime(format, deadline, zone, viewer.zone);
  return (
    <div class="consult-deadline" id="round-deadline">
      <p>
        <strong>{t('consultations.deadlineLabel')}</strong>{' '}
        {t('consultations.yourTime', { time: time.local, zone: zoneCity(viewer.zone) })}
        {time.meeting !== null && <><br />{t('consultations.roundTime', { time: time.meeting, zone: zoneCity(zone) })}</>}
      </p>
      <p id="round-countdown" class={open ? 'consult-countdown' : 'consult-countdown closed'}>
        {open ? countdownText(deadline, now) : t('consultations.closedAt', { time: format(deadline, viewer.zone) })}
      </p>
      <p class="visually-hidden" aria-live="polite" id="round-announcement">{announcement}</p>
    </div>
  );
}

/** "Closes in 2 days 3 hours 5 minutes" (whole minutes, rounded up). */
export function countdownText(deadline: Date, now: Date): string {
  const left = countdown(deadline, now);
  if (left.closed) return t('consultations.nowClosed');
  const parts = [
    left.days ? t('consultations.days', { count: left.days }) : '',
    left.hours ? t('consultations.hours', { count: left.hours }) : '',
    left.minutes ? t('consultations.minutes', { count: left.minutes }) : '',
  ].filter((part) => part !== '');
  return t('consultations.closesIn', { time: parts.join(' ') });
}
