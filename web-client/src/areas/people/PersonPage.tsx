// One person: what the API answers (nothing more: a field that does not come is not shown), the
// status, and the lifecycle actions the status allows.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import { hrefOf } from '../../app/router';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/languages';
import { Page } from '../../ui/Page';
import { TypedConfirmation } from '../../ui/TypedConfirmation';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { getPerson, issueEnrolmentLink, personCommand, type EnrolmentLink, type Person, type PersonCommand } from './api';
import { countryName, formatInstant, useDateTimeFormatter } from './display';
import { personActions, personStatusKey, roleKey, type PersonAction } from './lifecycle';
import { takeNotice } from './shared';
import type { MessageKey } from '../../i18n/messages/en';
import type { ComponentChildren } from 'preact';

const DONE: Readonly<Record<PersonCommand, MessageKey>> = {
  invite: 'people.invited',
  activate: 'people.activated',
  remove: 'people.removed',
  erase: 'people.erased',
};

export function PersonPage({ id }: { readonly id: string }) {
  const [loaded, reload] = useLoad(() => getPerson(id), [id]);
  const [message, setMessage] = useState<string | null>(() => takeNotice());
  const [confirming, setConfirming] = useState<'remove' | 'erase' | null>(null);
  const [link, setLink] = useState<EnrolmentLink | null>(null);
  const [said, setSaid] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const format = useDateTimeFormatter();
  // the button pressed may be gone now: focus goes to the message that says what happened
  useEffect(() => {
    if (said > 0) statusRef.current?.focus();
  }, [said]);
  useEffect(() => {
    if (confirming === 'erase') document.getElementById('erase-confirm')?.focus();
  }, [confirming]);

  const done = (text: string) => {
    setMessage(text);
    setConfirming(null);
    setSaid((n) => n + 1);
    reload();
  };
  const command = useAction(async (which: PersonCommand) => {
    await personCommand(id, which);
    if (which !== 'erase') setLink(null);
    done(t(DONE[which]));
  });
  const enrol = useAction(async () => {
    setLink(await issueEnrolmentLink(id));
    done(t('people.linkIssued'));
  });

  if (loaded.state === 'loading') return <Page title={t('people.person')}><Loading /></Page>;
  if (loaded.state === 'failed') {
    return (
      <Page title={t('people.person')}>
        <ProblemAlert error={loaded.error} />
        <p><a href={hrefOf('people')}>{t('people.backToList')}</a></p>
      </Page>
    );
  }
  const person = loaded.data;
  const actions = personActions(person);
  const offered = (action: PersonAction) => actions.includes(action);

  return (
    <Page title={person.displayName ?? t('people.noName')}>
      <p><a href={hrefOf('people')}>{t('people.backToList')}</a></p>
      <p ref={statusRef} tabIndex={-1} role="status" class="status" id="person-message">{message ?? ''}</p>
      <Details person={person} format={(instant) => formatInstant(format, instant)} />

      <h2>{t('people.actions')}</h2>
      {person.status === 'ACCEPTED' && !person.consent && <p id="consent-pending">{t('people.consentPending')}</p>}
      {actions.length === 0 && <p>{t('people.noActions')}</p>}
      <ProblemAlert error={command.error ?? enrol.error} />
      <div class="actions" id="person-actions">
        {offered('invite') && (
          <button type="button" class="primary" disabled={command.busy} onClick={() => void command.run('invite')}>
            {command.busy ? t('people.working') : t('people.invite')}
          </button>
        )}
        {offered('enrolmentLink') && (
          <button type="button" disabled={enrol.busy} onClick={() => void enrol.run()}>
            {enrol.busy ? t('people.working') : t('people.enrolmentLink')}
          </button>
        )}
        {offered('activate') && (
          <button type="button" class="primary" disabled={command.busy} onClick={() => void command.run('activate')}>
            {command.busy ? t('people.working') : t('people.activate')}
          </button>
        )}
        {offered('remove') && (
          <button type="button" class="danger" aria-expanded={confirming === 'remove'} aria-controls="remove-confirm"
            onClick={() => setConfirming(confirming === 'remove' ? null : 'remove')}>
            {t('people.remove')}
          </button>
        )}
        {offered('erase') && (
          <button type="button" class="danger" aria-expanded={confirming === 'erase'} aria-controls="erase-form"
            onClick={() => setConfirming(confirming === 'erase' ? null : 'erase')}>
            {t('people.erase')}
          </button>
        )}
      </div>
      {link && <EnrolmentLinkBox link={link} expires={formatInstant(format, link.expiresAt)} />}
      {confirming === 'remove' && (
        <div id="remove-confirm" class="confirm">
          <p>{t('people.removeConfirm', { name: person.displayName ?? '' })}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={command.busy} onClick={() => void command.run('remove')}>
              {command.busy ? t('people.working') : t('people.removeSubmit')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      {confirming === 'erase' && (
        <EraseForm busy={command.busy} onErase={() => void command.run('erase')} onCancel={() => setConfirming(null)} />
      )}
    </Page>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined && (!Array.isArray(value) || value.length > 0);
}

/** Every field the answer holds, and only those. */
function Details({ person, format }: { readonly person: Person; readonly format: (instant: string | undefined) => string }) {
  const language = translator.value.language;
  return (
    <dl class="details" id="person-details">
      {present(person.status) && <Row label={t('people.status')}>{t(personStatusKey(person.status))}</Row>}
      {person.protectedIdentity && <Row label={t('people.protectedIdentity')}>{t('common.yes')}</Row>}
      {present(person.fullName) && <Row label={t('people.fullName')}>{person.fullName}</Row>}
      {present(person.email) && <Row label={t('people.email')}>{person.email}</Row>}
      {present(person.country) && <Row label={t('people.country')}>{countryName(person.country, language)}</Row>}
      {present(person.preferredLanguage) && (
        <Row label={t('people.preferredLanguage')}>
          {isLanguage(person.preferredLanguage)
            ? <span lang={person.preferredLanguage}>{LANGUAGE_NAMES[person.preferredLanguage]}</span>
            : person.preferredLanguage}
        </Row>
      )}
      {present(person.timeZone) && <Row label={t('people.timeZone')}>{person.timeZone}</Row>}
      {present(person.roles) && <Row label={t('people.roles')}>{person.roles.map((role) => t(roleKey(role))).join(', ')}</Row>}
      {present(person.languages) && (
        <Row label={t('people.languages')}>
          {person.languages.map((code, i) => (
            <span key={code}>
              {i > 0 && ', '}
              {isLanguage(code) ? <span lang={code}>{LANGUAGE_NAMES[code]}</span> : code}
            </span>
          ))}
        </Row>
      )}
      {present(person.expertise) && <Row label={t('people.expertise')}>{person.expertise.join(', ')}</Row>}
      {present(person.affiliations) && (
        <Row label={t('people.affiliations')}>
          <ul>
            {person.affiliations.map((organisation) => (
              <li key={organisation}><a href={hrefOf('organisations', organisation)}>{organisation}</a></li>
            ))}
          </ul>
        </Row>
      )}
      {present(person.registeredAt) && <Row label={t('people.registeredAt')}>{format(person.registeredAt)}</Row>}
      {present(person.invitation) && (
        <Row label={t('people.invitation')}>
          {t('people.invitationDates', { invited: format(person.invitation.invitedAt), expires: format(person.invitation.expiresAt) })}
        </Row>
      )}
      {present(person.consent) && (
        <Row label={t('people.consent')}>
          {t('people.consentGiven', { version: person.consent.noticeVersion ?? '', date: format(person.consent.agreedAt) })}
          {present(person.consent.agreedTo) && <> ({person.consent.agreedTo.join(', ')})</>}
        </Row>
      )}
    </dl>
  );
}

function EnrolmentLinkBox({ link, expires }: { readonly link: EnrolmentLink; readonly expires: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.enrolmentUrl ?? '');
      setCopied(t('common.copied'));
    } catch {
      // no clipboard (insecure context, refused): select the text so it can be copied by hand
      const input = document.getElementById('enrolment-link') as HTMLInputElement | null;
      input?.select();
      setCopied(t('people.copyByHand'));
    }
  };
  return (
    <section id="enrolment-link-box" class="confirm" aria-labelledby="enrolment-link-title">
      <h3 id="enrolment-link-title">{t('people.enrolmentLink')}</h3>
      <div class="field">
        <label for="enrolment-link">{t('people.enrolmentLinkLabel')}</label>
        <input id="enrolment-link" type="text" readOnly value={link.enrolmentUrl ?? ''} aria-describedby="enrolment-link-how" />
      </div>
      <div class="actions">
        <button type="button" onClick={() => void copy()}>{t('common.copy')}</button>
      </div>
      <p role="status" class="status">{copied ?? ''}</p>
      <div id="enrolment-link-how">
        <p>{t('people.linkExpires', { date: expires })}</p>
        <p>{t('people.linkHowTo')}</p>
        <p>{t('people.linkRecovery')}</p>
      </div>
    </section>
  );
}

function EraseForm({ busy, onErase, onCancel }: { readonly busy: boolean; readonly onErase: () => void; readonly onCancel: () => void }) {
  const word = t('people.eraseWord');
  return (
    <TypedConfirmation id="erase-form" fieldId="erase-confirm" title={t('people.eraseTitle')} word={word}
      label={t('people.eraseType', { word })} submit={t('people.eraseSubmit')} busyText={t('people.working')}
      busy={busy} onConfirm={onErase} onCancel={onCancel}>
      <p>{t('people.eraseWhen')}</p>
      <p>{t('people.eraseExplain')}</p>
    </TypedConfirmation>
  );
}
