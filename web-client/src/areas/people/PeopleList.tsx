// The people list: filters, name search and paging as membership-service offers them.
import { useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import { hrefOf } from '../../app/router';
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/languages';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { GROUP_ROLES, PERSON_STATUSES, listPeople, type PeopleFilter, type Person } from './api';
import { countryName, formatInstant, useDateTimeFormatter } from './display';
import { personStatusKey, roleKey } from './lifecycle';
import { EmptyRow, useCountryChoices } from './shared';

const EMPTY = { q: '', country: '', status: '', role: '', language: '', expertise: '' };

/** status: a filter to start with (from #/people/status/ACCEPTED), when it is one the API knows */
export function PeopleList({ status = '' }: { readonly status?: string }) {
  const initial = { ...EMPTY, status: (PERSON_STATUSES as readonly string[]).includes(status) ? status : '' };
  const [draft, setDraft] = useState<Required<PeopleFilter>>(initial);
  const [filter, setFilter] = useState<PeopleFilter>(initial);
  const [page, setPage] = useState(0);
  const [loaded, reload] = useLoad(() => listPeople(filter, page), [filter, page]);
  const countries = useCountryChoices();
  const format = useDateTimeFormatter();
  const language = translator.value.language;
  const set = (name: keyof PeopleFilter) => (value: string) => setDraft({ ...draft, [name]: value });

  return (
    <Page title={t('nav.people')}>
      <p class="actions">
        <a class="button-link" href={hrefOf('people', 'new')}>{t('people.register')}</a>
      </p>
      <form
        id="people-filters"
        class="filters"
        aria-label={t('people.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setPage(0);
          setFilter({ ...draft });
        }}
      >
        <TextField id="people-q" type="search" label={t('people.search')} value={draft.q} onValue={set('q')} maxLength={100} />
        <SelectField id="people-status" label={t('people.status')} value={draft.status} onValue={set('status')} empty={t('people.any')}
          choices={PERSON_STATUSES.map((status) => ({ value: status, label: t(personStatusKey(status)) }))} />
        <SelectField id="people-country" label={t('people.country')} value={draft.country} onValue={set('country')} empty={t('people.any')} choices={countries} />
        <SelectField id="people-role" label={t('people.role')} value={draft.role} onValue={set('role')} empty={t('people.any')}
          choices={GROUP_ROLES.map((role) => ({ value: role, label: t(roleKey(role)) }))} />
        <SelectField id="people-language" label={t('people.language')} value={draft.language} onValue={set('language')} empty={t('people.any')}
          choices={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))} />
        <TextField id="people-expertise" label={t('people.expertise')} hint={t('people.expertiseHint')} value={draft.expertise} onValue={set('expertise')} maxLength={40} />
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
          <p role="status">{t('people.count', { count: loaded.data.page.totalElements })}</p>
          <div class="table-scroll">
            <table id="people-list">
              <caption class="visually-hidden">{t('nav.people')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.status')}</th>
                  <th scope="col">{t('people.country')}</th>
                  <th scope="col">{t('people.roles')}</th>
                  <th scope="col">{t('people.registeredAt')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.content.length === 0 && <EmptyRow columns={5} />}
                {loaded.data.content.map((person) => (
                  <PersonRow key={person.id} person={person} language={language} registered={formatInstant(format, person.registeredAt)} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={loaded.data.page} onPage={setPage} label={t('people.pages')} />
        </>
      )}
    </Page>
  );
}

function PersonRow({ person, language, registered }: { readonly person: Person; readonly language: string; readonly registered: string }) {
  return (
    <tr>
      <th scope="row">
        <a href={hrefOf('people', person.id ?? '')}>{person.displayName ?? t('people.noName')}</a>
        {person.protectedIdentity && <span class="tag"> {t('people.protected')}</span>}
      </th>
      <td>{person.status ? t(personStatusKey(person.status)) : ''}</td>
      <td>{person.country ? countryName(person.country, language) : ''}</td>
      <td>{(person.roles ?? []).map((role) => t(roleKey(role))).join(', ')}</td>
      <td>{registered}</td>
    </tr>
  );
}
