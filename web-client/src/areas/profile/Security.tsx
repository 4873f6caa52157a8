// Security: the second factor (TOTP). The page asks the identity service where the account stands and offers
// only what applies: turn on (QR code drawn here, or the key to type; then a code and the password), and once
// on, turn off or renew the one-time recovery codes (each needs a current code from the app).
import { useState } from 'preact/hooks';
import { request } from '../../api/http';
import type * as identity from '../../api/schema/identity';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/Field';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { groupedForTyping, qrPath } from './qr';

const API = '/api/identity/me/second-factor';

type Schemas = identity.components['schemas'];

/** state OFF, PENDING (set up, not confirmed) or ON: the document says only "a string" (a String in the service) */
export type FactorStatus = Schemas['Status'];
/** The setup answer once both parts are there (the page cannot go on without either). */
type Setup = Required<Schemas['Setup']>;
type RecoveryCodesAnswer = Schemas['RecoveryCodes'];

export function Security() {
  const [status, reload] = useLoad(async () => {
    const answer = await request<FactorStatus>('GET', API);
    if (answer === null) throw new Error('empty answer');
    return answer;
  }, []);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page title={t('nav.security')}>
      <h2 id="second-factor-heading">{t('security.secondFactor')}</h2>
      <p>{t('security.explain')}</p>
      <StatusMessage message={message} />
      {status.state === 'loading' && <Loading />}
      {status.state === 'failed' && <ProblemAlert error={status.error} />}
      {codes !== null && (
        <RecoveryCodes codes={codes} onDone={() => {
          setCodes(null);
          reload();
        }} />
      )}
      {codes === null && status.state === 'ready' && status.data.state === 'ON' && (
        <FactorOn left={status.data.recoveryCodesLeft} onRenewed={setCodes} onRemoved={() => {
          setMessage(t('security.removed'));
          reload();
        }} />
      )}
      {codes === null && status.state === 'ready' && status.data.state !== 'ON' && (
        setup === null
          ? <TurnOn onStarted={setSetup} pending={status.data.state === 'PENDING'} />
          : <Confirm setup={setup} onConfirmed={(recovery) => {
            setSetup(null); // the secret leaves the page
            setCodes(recovery);
            setMessage(t('security.nowOn'));
          }} onCancel={() => setSetup(null)} />
      )}
    </Page>
  );
}

function TurnOn({ onStarted, pending }: { readonly onStarted: (setup: Setup) => void; readonly pending: boolean }) {
  const start = useAction(async () => {
    const setup = await request<Schemas['Setup']>('POST', API);
    if (setup === null) return;
    // without the key and its URI there is nothing to show: said as an error rather than a broken page
    if (!setup.secret || !setup.otpauthUri) throw new Error('incomplete setup answer');
    onStarted({ secret: setup.secret, otpauthUri: setup.otpauthUri });
  });
  return (
    <div id="second-factor-off">
      <p id="second-factor-status">{t('security.isOff')}</p>
      {pending && <p>{t('security.pendingAgain')}</p>}
      <ProblemAlert error={start.error} />
      <button type="button" id="second-factor-start" class="primary" disabled={start.busy} onClick={() => void start.run()}>
        {t('security.turnOn')}
      </button>
    </div>
  );
}

function Confirm({ setup, onConfirmed, onCancel }: {
  readonly setup: Setup;
  readonly onConfirmed: (codes: readonly string[]) => void;
  readonly onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const confirm = useAction(async () => {
    const answer = await request<RecoveryCodesAnswer>('POST', `${API}/confirm`, { code: code.replace(/\s/g, ''), password });
    onConfirmed(answer?.recoveryCodes ?? []);
  });
  const qr = qrPath(setup.otpauthUri);
  return (
    <div id="second-factor-setup">
      <ol class="steps">
        <li>
          <p>{t('security.scan')}</p>
          <svg class="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-labelledby="qr-label"
            shape-rendering="crispEdges">
            <title id="qr-label">{t('security.qrLabel')}</title>
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
          <p>{t('security.orType')}</p>
          <p><code id="second-factor-secret" class="secret">{groupedForTyping(setup.secret)}</code></p>
        </li>
        <li>
          <form id="second-factor-confirm-form" noValidate onSubmit={(event) => {
            event.preventDefault();
            void confirm.run();
          }}>
            <TextField id="code" label={t('security.code')} hint={t('security.codeHint')} value={code} onValue={setCode}
              inputMode="numeric" autoComplete="one-time-code" maxLength={7} required error={confirm.fields['code']} />
            <TextField id="password" type="password" label={t('security.password')} hint={t('security.passwordHint')}
              value={password} onValue={setPassword} autoComplete="current-password" required error={confirm.fields['password']} />
            <ProblemAlert error={confirm.error} />
            <div class="actions">
              <button type="submit" class="primary" disabled={confirm.busy}>{t('security.confirm')}</button>
              <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { readonly codes: readonly string[]; readonly onDone: () => void }) {
  return (
    <div id="recovery-codes" class="notice">
      <h3>{t('security.recoveryCodes')}</h3>
      <p>{t('security.recoveryExplain')}</p>
      <ol class="codes">
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ol>
      <button type="button" class="primary" onClick={onDone}>{t('security.writtenDown')}</button>
    </div>
  );
}

function FactorOn({ left, onRenewed, onRemoved }: {
  readonly left: number | undefined;
  readonly onRenewed: (codes: readonly string[]) => void;
  readonly onRemoved: () => void;
}) {
  const [renewCode, setRenewCode] = useState('');
  const [offCode, setOffCode] = useState('');
  const renew = useAction(async () => {
    const answer = await request<RecoveryCodesAnswer>('POST', `${API}/recovery-codes`, { code: renewCode.replace(/\s/g, '') });
    onRenewed(answer?.recoveryCodes ?? []);
  });
  const off = useAction(async () => {
    await request('DELETE', API, { code: offCode.replace(/\s/g, '') });
    onRemoved();
  });
  return (
    <div id="second-factor-on">
      <p id="second-factor-status">{t('security.isOn')}{left !== undefined && <> {t('security.recoveryCodesLeft', { count: left })}</>}</p>
      <form id="recovery-renew-form" noValidate onSubmit={(event) => {
        event.preventDefault();
        void renew.run();
      }}>
        <h3>{t('security.renewTitle')}</h3>
        <TextField id="renew-code" label={t('security.code')} hint={t('security.codeHint')} value={renewCode}
          onValue={setRenewCode} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required
          error={renew.fields['code']} />
        <ProblemAlert error={renew.error} />
        <button type="submit" disabled={renew.busy}>{t('security.renew')}</button>
      </form>
      <form id="second-factor-off-form" noValidate onSubmit={(event) => {
        event.preventDefault();
        void off.run();
      }}>
        <h3>{t('security.turnOff')}</h3>
        <p>{t('security.turnOffExplain')}</p>
        <TextField id="off-code" label={t('security.code')} hint={t('security.codeHint')} value={offCode}
          onValue={setOffCode} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required
          error={off.fields['code']} />
        <ProblemAlert error={off.error} />
        <button type="submit" class="danger" disabled={off.busy}>{t('security.turnOff')}</button>
      </form>
    </div>
  );
}
