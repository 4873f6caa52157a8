// My membership: answer the invitation, give consent to the notice in my language, then see where I stand.
import { useState } from 'preact/hooks';
import { mySubject } from '../../api/auth';
import { request } from '../../api/http';
import { ApiError } from '../../api/problems';
import { useDateTime } from '../../dates/useDateTime';
import { viewerZone } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { Page } from '../../ui/Page';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { NOTICE_VERSION, PURPOSES, stepOf, type MyRecord, type OwnRecord } from './notice';

const path = (id: string) => `/api/membership/people/${encodeURIComponent(id)}`;

export default function Membership() {
  const me = mySubject();
  const [loaded, reload] = useLoad(async () => {
    if (me === null) throw new ApiError(404, null, null);
    const record = await request<MyRecord>('GET', path(me));
    if (record === null) throw new ApiError(502, null, null);
    return { ...record, id: record.id ?? me };
  }, [me]);
  const [message, setMessage] = useState<string | null>(null);
  const done = (key: MessageKey) => {
    setMessage(t(key));
    reload();
  };

  return (
    <Page title={t('nav.membership')}>
      <StatusMessage message={message} />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && (loaded.error instanceof ApiError && loaded.error.status === 404
        ? <p>{t('membership.noRecord')}</p>
        : <ProblemAlert error={loaded.error} />)}
      {loaded.state === 'ready' && <Where record={loaded.data} onDone={done} />}
    </Page>
  );
}

function Where({ record, onDone }: { readonly record: OwnRecord; readonly onDone: (key: MessageKey) => void }) {
  const step = stepOf(record, new Date());
  return (
    <>
      {record.status && <p id="membership-status">{t('membership.status', { status: t(`status.${record.status.toLowerCase()}` as MessageKey) })}</p>}
      {step === 'answer' && <Answer record={record} onDone={onDone} />}
      {step === 'consent' && <Consent record={record} onDone={onDone} />}
      {step === 'waiting' && <p>{t('membership.waiting')}</p>}
      {step === 'member' && <Member record={record} />}
      {step === 'none' && <p>{t('membership.noInvitation')}</p>}
      {step === 'ended' && <p>{t('membership.ended')}</p>}
    </>
  );
}

function Answer({ record, onDone }: { readonly record: OwnRecord; readonly onDone: (key: MessageKey) => void }) {
  const format = useDateTime();
  const accept = useAction(() => request('POST', `${path(record.id)}/invitation/accept`));
  const decline = useAction(() => request('POST', `${path(record.id)}/invitation/decline`));
  const [declining, setDeclining] = useState(false);
  const expires = record.invitation?.expiresAt !== undefined ? format(new Date(record.invitation.expiresAt), viewerZone()) : '';
  return (
    <section aria-labelledby="invitation-heading" id="invitation">
      <h2 id="invitation-heading">{t('invitation.title')}</h2>
      <p>{t('invitation.explain')}</p>
      <p>{t('invitation.expires', { date: expires })}</p>
      <ProblemAlert error={accept.error ?? decline.error} />
      {!declining && (
        <div class="actions">
          <button type="button" class="primary" id="accept-invitation" disabled={accept.busy}
            onClick={async () => (await accept.run()) && onDone('invitation.accepted')}>{t('invitation.accept')}</button>
          <button type="button" id="decline-invitation" onClick={() => setDeclining(true)}>{t('invitation.decline')}</button>
        </div>
      )}
      {declining && (
        <div class="notice" role="group" aria-labelledby="decline-question">
          <p id="decline-question">{t('invitation.declineSure')}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={decline.busy}
              onClick={async () => (await decline.run()) && onDone('invitation.declined')}>{t('invitation.declineConfirm')}</button>
            <button type="button" onClick={() => setDeclining(false)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

function Consent({ record, onDone }: { readonly record: OwnRecord; readonly onDone: (key: MessageKey) => void }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(PURPOSES.filter((p) => p.required).map((p) => p.code)));
  const give = useAction(() => request('POST', `${path(record.id)}/consent`, {
    noticeVersion: NOTICE_VERSION,
    agreedTo: PURPOSES.map((p) => p.code).filter((code) => chosen.has(code)),
  }));
  const missingRequired = PURPOSES.some((p) => p.required && !chosen.has(p.code));
  return (
    <section aria-labelledby="consent-heading" id="consent">
      <h2 id="consent-heading">{t('consent.title')}</h2>
      <p class="meta">{t('consent.noticeVersion', { version: NOTICE_VERSION })}</p>
      {record.consent != null && <p>{t('consent.newNotice')}</p>}
      <div class="notice-text">
        <p>{t('consent.notice.who')}</p>
        <p>{t('consent.notice.what')}</p>
        <p>{t('consent.notice.seen')}</p>
        <p>{t('consent.notice.rights')}</p>
      </div>
      <form id="consent-form" noValidate onSubmit={async (event) => {
        event.preventDefault();
        if (!missingRequired && await give.run()) onDone('consent.given');
      }}>
        <fieldset>
          <legend>{t('consent.purposes')}</legend>
          {PURPOSES.map((purpose) => (
            <div class="check" key={purpose.code}>
              <input type="checkbox" id={`purpose-${purpose.code}`} checked={chosen.has(purpose.code)}
                aria-describedby={purpose.required ? 'purpose-required' : undefined}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(purpose.code);
                  else next.delete(purpose.code);
                  setChosen(next);
                }} />
              <label for={`purpose-${purpose.code}`}>{t(`consent.purpose.${purpose.code}` as MessageKey)}</label>
            </div>
          ))}
          <p id="purpose-required" class={missingRequired ? 'field-error' : 'hint'}>{t('consent.required')}</p>
        </fieldset>
        <ProblemAlert error={give.error} />
        <button type="submit" class="primary" id="give-consent" disabled={give.busy || missingRequired}>{t('consent.give')}</button>
      </form>
    </section>
  );
}

function Member({ record }: { readonly record: MyRecord }) {
  const format = useDateTime();
  return (
    <section aria-labelledby="member-heading">
      <h2 id="member-heading">{t('membership.activeTitle')}</h2>
      <p>{t('membership.active')}</p>
      {record.consent != null && (
        <p>{t('consent.recorded', {
          version: record.consent.noticeVersion ?? '',
          date: record.consent.agreedAt !== undefined ? format(new Date(record.consent.agreedAt), viewerZone()) : '',
          purposes: (record.consent.agreedTo ?? []).map((code) => t(`consent.purpose.${code}` as MessageKey)).join('; '),
        })}</p>
      )}
    </section>
  );
}
