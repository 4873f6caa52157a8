// Organisations (CSOs): the list with its filters, registering one, and one organisation's page with
// the moves its status allows (CANDIDATE → INVITED → MEMBER → WITHDRAWN).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import { hrefOf } from '../../app/router';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { LoadFailed, Loading, ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import type { MessageKey } from '../../i18n/messages/en';
import {
  ORGANISATION_KINDS, ORGANISATION_STATUSES, getOrganisation, organisationKindOf, listOrganisations, organisationCommand, registerOrganisation,
  type NewOrganisation, type Organisation, type OrganisationCommand, type OrganisationFilter,
} from './api';
import { countryName, formatInstant, useDateTimeFormatter } from './display';
import { organisationActionsFor, organisationStatusKey, tagsOf } from './lifecycle';
import { EmptyRow, notice, takeNotice, useCountryChoices } from './shared';

const kindKey = (kind: string) => `organisations.kind.${kind.toLowerCase()}` as MessageKey;
const kindChoices = () => ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(kindKey(kind)) }));

const EMPTY = { q: '', country: '', status: '', kind: '', focus: '' };

/** status: a filter to start with (from #/organisations/status/INVITED), when it is one the API knows */
export function OrganisationList({ status = '' }: { readonly status?: string }) {
  const initial = { ...EMPTY, status: (ORGANISATION_STATUSES as readonly string[]).includes(status) ? status : '' };
  const [draft, setDraft] = useState<Required<OrganisationFilter>>(initial);
  const [filter, setFilter] = useState<OrganisationFilter>(initial);
  const [page, setPage] = useState(0);
  const [loaded, reload] = useLoad(() => listOrganisations(filter, page), [filter, page]);
  const countries = useCountryChoices();
  const language = translator.value.language;
  const set = (name: keyof OrganisationFilter) => (value: string) => setDraft({ ...draft, [name]: value });

  return (
    <Page title={t('nav.organisations')}>
      <p class="actions">
        <a class="button-link" href={hrefOf('organisations', 'new')}>{t('organisations.register')}</a>
      </p>
      <form id="organisations-filters" class="filters" aria-label={t('people.filters')} onSubmit={(event) => {
        event.preventDefault();
        setPage(0);
        setFilter({ ...draft });
      }}>
        <TextField id="organisations-q" type="search" label={t('organisations.search')} value={draft.q} onValue={set('q')} maxLength={100} />
        <SelectField id="organisations-status" label={t('people.status')} value={draft.status} onValue={set('status')} empty={t('people.any')}
          choices={ORGANISATION_STATUSES.map((status) => ({ value: status, label: t(organisationStatusKey(status)) }))} />
        <SelectField id="organisations-country" label={t('people.country')} value={draft.country} onValue={set('country')} empty={t('people.any')} choices={countries} />
        <SelectField id="organisations-kind" label={t('organisations.kind')} value={draft.kind} onValue={set('kind')} empty={t('people.any')} choices={kindChoices()} />
        <TextField id="organisations-focus" label={t('organisations.focus')} hint={t('people.expertiseHint')} value={draft.focus} onValue={set('focus')} maxLength={40} />
        <div class="actions">
          <button type="submit" class="primary">{t('people.applyFilters')}</button>
          <button type="button" onClick={() => {
            setDraft(EMPTY);
            setFilter(EMPTY);
            setPage(0);
          }}>{t('people.clearFilters')}</button>
        </div>
      </form>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p role="status">{t('organisations.count', { count: loaded.data.page.totalElements })}</p>
          <div class="table-scroll">
            <table id="organisations-list">
              <caption class="visually-hidden">{t('nav.organisations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.name')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{t('people.country')}</th>
                  <th scope="col">{t('organisations.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.content.length === 0 && <EmptyRow columns={4} />}
                {loaded.data.content.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row"><a href={hrefOf('organisations', organisation.id ?? '')}>{organisation.name}</a></th>
                    <td>{organisation.status ? t(organisationStatusKey(organisation.status)) : ''}</td>
                    <td>{organisation.country ? countryName(organisation.country, language) : ''}</td>
                    <td>{organisation.kind ? t(kindKey(organisation.kind)) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={loaded.data.page} onPage={setPage} label={t('organisations.pages')} />
        </>
      )}
    </Page>
  );
}

export function RegisterOrganisation({ go = (hash: string) => void (window.location.hash = hash) }: { readonly go?: (hash: string) => void }) {
  const [form, setForm] = useState({ name: '', country: '', kind: '', focusAreas: '', website: '', contactEmail: '', contactPhone: '' });
  const countries = useCountryChoices();
  const action = useAction(async (organisation: NewOrganisation) => {
    const created = await registerOrganisation(organisation);
    notice.value = t('organisations.registered', { name: created.name });
    go(hrefOf('organisations', created.id ?? ''));
  });
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  const field = (name: string) => action.fields[name];
  return (
    <Page title={t('organisations.register')}>
      <p><a href={hrefOf('organisations')}>{t('organisations.backToList')}</a></p>
      <form id="organisation-register-form" aria-label={t('organisations.register')} noValidate onSubmit={(event) => {
        event.preventDefault();
        const optional = (name: 'website' | 'contactEmail' | 'contactPhone') => (form[name].trim() ? { [name]: form[name].trim() } : {});
        void action.run({
          name: form.name.trim(),
          country: form.country,
          kind: organisationKindOf(form.kind),
          focusAreas: tagsOf(form.focusAreas),
          ...optional('website'),
          ...optional('contactEmail'),
          ...optional('contactPhone'),
        });
      }}>
        <TextField id="org-name" label={t('organisations.name')} value={form.name} onValue={set('name')} required maxLength={200} error={field('name')} />
        <SelectField id="org-country" label={t('people.country')} value={form.country} onValue={set('country')} required empty={t('people.choose')} choices={countries} error={field('country')} />
        <SelectField id="org-kind" label={t('organisations.kind')} value={form.kind} onValue={set('kind')} required empty={t('people.choose')} choices={kindChoices()} error={field('kind')} />
        <TextField id="org-focus" label={t('people.optional', { label: t('organisations.focusAreas') })} hint={t('organisations.focusAreasHint')} value={form.focusAreas} onValue={set('focusAreas')} error={field('focusAreas')} />
        <TextField id="org-website" type="url" label={t('people.optional', { label: t('organisations.website') })} hint={t('organisations.websiteHint')} value={form.website} onValue={set('website')} inputMode="url" maxLength={300} error={field('website')} />
        <TextField id="org-email" type="email" label={t('people.optional', { label: t('organisations.contactEmail') })} value={form.contactEmail} onValue={set('contactEmail')} inputMode="email" maxLength={254} error={field('contactEmail')} autoComplete="off" />
        <TextField id="org-phone" type="tel" label={t('people.optional', { label: t('organisations.contactPhone') })} value={form.contactPhone} onValue={set('contactPhone')} inputMode="tel" maxLength={40} error={field('contactPhone')} autoComplete="off" />
        <ProblemAlert error={action.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>{action.busy ? t('people.registering') : t('organisations.registerSubmit')}</button>
        </div>
      </form>
    </Page>
  );
}

const DONE: Readonly<Record<OrganisationCommand, MessageKey>> = {
  invite: 'organisations.invited',
  join: 'organisations.joined',
  withdraw: 'organisations.withdrawn',
};
const LABEL: Readonly<Record<OrganisationCommand, MessageKey>> = {
  invite: 'organisations.invite',
  join: 'organisations.join',
  withdraw: 'organisations.withdraw',
};

export function OrganisationPage({ id }: { readonly id: string }) {
  const [loaded, reload] = useLoad(() => getOrganisation(id), [id]);
  const [message, setMessage] = useState<string | null>(() => takeNotice());
  const [said, setSaid] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const format = useDateTimeFormatter();
  useEffect(() => {
    if (said > 0) statusRef.current?.focus();
  }, [said]);
  const command = useAction(async (which: OrganisationCommand) => {
    await organisationCommand(id, which);
    setMessage(t(DONE[which]));
    setConfirming(false);
    setSaid((n) => n + 1);
    reload();
  });

  if (loaded.state === 'loading') return <Page title={t('nav.organisations')}><Loading /></Page>;
  if (loaded.state === 'failed') {
    return (
      <Page title={t('nav.organisations')}>
        <ProblemAlert error={loaded.error} />
        <p><a href={hrefOf('organisations')}>{t('organisations.backToList')}</a></p>
      </Page>
    );
  }
  const organisation: Organisation = loaded.data;
  const language = translator.value.language;
  const actions = organisationActionsFor(organisation.status);
  return (
    <Page title={organisation.name ?? ''}>
      <p><a href={hrefOf('organisations')}>{t('organisations.backToList')}</a></p>
      <p ref={statusRef} tabIndex={-1} role="status" class="status" id="organisation-message">{message ?? ''}</p>
      <dl class="details" id="organisation-details">
        <dt>{t('people.status')}</dt>
        <dd>{organisation.status ? t(organisationStatusKey(organisation.status)) : ''}</dd>
        {organisation.country && <><dt>{t('people.country')}</dt><dd>{countryName(organisation.country, language)}</dd></>}
        {organisation.kind && <><dt>{t('organisations.kind')}</dt><dd>{t(kindKey(organisation.kind))}</dd></>}
        {organisation.focusAreas?.length ? <><dt>{t('organisations.focusAreas')}</dt><dd>{organisation.focusAreas.join(', ')}</dd></> : null}
        {organisation.website && <><dt>{t('organisations.website')}</dt><dd>{organisation.website}</dd></>}
        {organisation.contact?.email && <><dt>{t('organisations.contactEmail')}</dt><dd>{organisation.contact.email}</dd></>}
        {organisation.contact?.phone && <><dt>{t('organisations.contactPhone')}</dt><dd>{organisation.contact.phone}</dd></>}
        {organisation.registeredAt && <><dt>{t('people.registeredAt')}</dt><dd>{formatInstant(format, organisation.registeredAt)}</dd></>}
      </dl>
      <h2>{t('people.actions')}</h2>
      {actions.length === 0 && <p>{t('people.noActions')}</p>}
      <ProblemAlert error={command.error} />
      <div class="actions" id="organisation-actions">
        {actions.map((which) => which === 'withdraw' ? (
          <button key={which} type="button" class="danger" aria-expanded={confirming} aria-controls="withdraw-confirm"
            onClick={() => setConfirming(!confirming)}>
            {t(LABEL[which])}
          </button>
        ) : (
          <button key={which} type="button" class="primary" disabled={command.busy} onClick={() => void command.run(which)}>
            {command.busy ? t('people.working') : t(LABEL[which])}
          </button>
        ))}
      </div>
      {confirming && actions.includes('withdraw') && (
        <div id="withdraw-confirm" class="confirm">
          <p>{t('organisations.withdrawConfirm', { name: organisation.name })}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={command.busy} onClick={() => void command.run('withdraw')}>
              {command.busy ? t('people.working') : t('organisations.withdrawSubmit')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
    </Page>
  );
}
