// Consultations: #/consultations lists the rounds (a coordinator opens one there); #/consultations/<id> is
// one round: the consulted text by section, comments on quoted words, replies, resolutions, the countdown
// to the deadline in the reader's zone, and participation against the plan's targets. What is offered
// follows logic.ts; the service decides anyway.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { account } from '../../api/auth';
import { hasRole } from '../../app/nav';
import { hrefOf, routeArgs } from '../../app/router';
import { useDateTime } from '../../dates/useDateTime';
import type { DateTimeFormatter } from '../../dates/format';
import { viewerZone } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { listRounds, me, type Round } from './api';
import { deadlineOf, isInvited, isOpen, orderRounds, type Viewer } from './logic';
import { RoundPage } from './RoundPage';
import { subjectName } from './words';
import './consultations.css';

/** The viewer: roles and id from the session; zone and organisations from GET /people/me (none for a non-person). */
export async function loadViewer(): Promise<Viewer> {
  const session = account.value.state === 'signedIn' ? account.value : null;
  const person = await me().catch(() => null);
  return {
    coordinator: hasRole(session?.roles ?? [], 'coordinator'),
    personId: session?.subject || person?.id || null,
    organisationIds: person?.affiliations ?? [],
    zone: person?.timeZone || viewerZone(),
  };
}

export default function Consultations() {
  const id = routeArgs.value[0];
  const [viewer] = useLoad(loadViewer, []);
  const format = useDateTime();
  const title = t('consultations.title');
  if (viewer.state === 'failed') return <Page title={title}><ProblemAlert error={viewer.error} /></Page>;
  if (viewer.state === 'loading') return <Page title={title}><Loading /></Page>;
  return id ? <RoundPage key={id} id={id} viewer={viewer.data} format={format} />
    : <RoundList viewer={viewer.data} format={format} />;
}

function RoundList({ viewer, format }: { readonly viewer: Viewer; readonly format: DateTimeFormatter }) {
  const [rounds] = useLoad(listRounds, []);
  const [opening, setOpening] = useState(false);
  // the opening form is a coordinator's, loaded when asked for: members never download it
  const [form] = useLoad(() => (opening ? import('./OpenRoundForm') : Promise.resolve(null)), [opening]);
  const toggle = useRef<HTMLButtonElement>(null);
  const now = useMemo(() => new Date(), []);
  // back from a round (the same area: the shell does not move focus): the list's heading
  useLayoutEffect(() => document.getElementById('area-title')?.focus(), []);
  return (
    <Page title={t('consultations.title')}>
      {viewer.coordinator && (
        <div class="actions">
          <button type="button" class="primary" ref={toggle} aria-expanded={opening} aria-controls="round-open"
            onClick={() => setOpening(!opening)}>
            {t('consultations.open')}
          </button>
        </div>
      )}
      {viewer.coordinator && opening && form.state === 'loading' && <Loading />}
      {viewer.coordinator && opening && form.state === 'failed' && <ProblemAlert error={form.error} />}
      {viewer.coordinator && opening && form.state === 'ready' && form.data && (
        <form.data.OpenRoundForm viewer={viewer} format={format}
          onOpened={(round) => { window.location.hash = hrefOf('consultations', round.id ?? ''); }}
          onClose={() => {
            setOpening(false);
            toggle.current?.focus();
          }} />
      )}
      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t('consultations.rounds')}</h2>
        {rounds.state === 'loading' && <Loading />}
        {rounds.state === 'failed' && <ProblemAlert error={rounds.error} />}
        {rounds.state === 'ready' && (rounds.data.length === 0 ? <p id="rounds-list">{t('consultations.noRounds')}</p> : (
          <ul id="rounds-list" class="consult-rounds">
            {orderRounds(rounds.data, viewer, now).map((round) => <RoundItem key={round.id} round={round} viewer={viewer} format={format} now={now} />)}
          </ul>
        ))}
      </section>
    </Page>
  );
}

function RoundItem({ round, viewer, format, now }: { readonly round: Round; readonly viewer: Viewer; readonly format: DateTimeFormatter; readonly now: Date }) {
  const deadline = deadlineOf(round);
  const open = isOpen(round, now);
  return (
    <li>
      <h3><a href={hrefOf('consultations', round.id ?? '')}>{subjectName(round)}</a></h3>
      {deadline && (
        <p>{t(open ? 'consultations.closesAt' : 'consultations.closedAt', { time: format(deadline, viewer.zone) })}</p>
      )}
      <p class="meta">
        {t('consultations.commentCount', { count: round.comments?.length ?? 0 })}
        {open && isInvited(round, viewer) && <> · <strong>{t('consultations.youAreInvited')}</strong></>}
      </p>
    </li>
  );
}
