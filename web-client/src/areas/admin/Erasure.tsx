// Erasure from the back office: find a person by name, read what erasure will remove in every service,
// type the word shown, erase. The confirmation is the people area's (src/ui/TypedConfirmation), with the
// same word; the call is the people area's erasure command (membership erases, the other services follow).
import { useEffect, useRef, useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/Field';
import { LoadFailed, Loading, ProblemAlert } from '../../ui/feedback';
import { TypedConfirmation } from '../../ui/TypedConfirmation';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { personStatusKey } from '../people/lifecycle';
import { findPerson, listPeople, personCommand, type Person } from './api';
import { ERASURE_EFFECTS } from './logic';
import { AdminNav } from './nav';
import type { Paged } from '../../ui/Pager';

export function Erasure({ personId }: { readonly personId: string }) {
  return personId ? <ErasePerson id={personId} /> : <FindPerson />;
}

function FindPerson() {
  const [name, setName] = useState('');
  const [found, setFound] = useState<Paged<Person> | null>(null);
  const search = useAction(async (q: string) => setFound(await listPeople({ q }, 0)));
  return (
    <Page title={t('admin.erase.title')}>
      <AdminNav current="erasure" />
      <form id="admin-find-person" role="search" aria-labelledby="admin-find-title" onSubmit={(event) => {
        event.preventDefault();
        void search.run(name);
      }}>
        <h2 id="admin-find-title">{t('admin.erase.find')}</h2>
        <TextField id="admin-person-name" label={t('admin.erase.name')} type="search" value={name} onValue={setName} autoComplete="off" maxLength={100} />
        <div class="actions">
          <button type="submit" class="primary" disabled={search.busy}>{search.busy ? t('shell.loading') : t('admin.erase.findSubmit')}</button>
        </div>
      </form>
      <ProblemAlert error={search.error} />
      {found && (
        <section aria-labelledby="admin-found-title">
          <h2 id="admin-found-title">{t('admin.erase.found', { count: found.page.totalElements })}</h2>
          {found.content.length > 0 && (
            <div class="table-scroll">
              <table id="admin-people">
                <thead>
                  <tr>
                    <th scope="col">{t('people.name')}</th>
                    <th scope="col">{t('people.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.content.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">
                        <a href={hrefOf('admin', 'erasure', person.id ?? '')}>{person.displayName ?? t('people.noName')}</a>
                      </th>
                      <td>{person.status ? t(personStatusKey(person.status)) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}

function ErasePerson({ id }: { readonly id: string }) {
  const [loaded, reload] = useLoad(() => findPerson(id), [id]);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const erase = useAction(async () => {
    await personCommand(id, 'erase');
    setMessage(t('admin.erase.done'));
    reload();
  });
  // the form is gone after the erasure: focus goes to the message that says what happened
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  const back = <p><a href={hrefOf('admin', 'erasure')}>{t('admin.erase.back')}</a></p>;
  if (loaded.state === 'loading') return <Page title={t('admin.erase.title')}><Loading /></Page>;
  if (loaded.state === 'failed') {
    return <Page title={t('admin.erase.title')}><AdminNav current="erasure" /><LoadFailed error={loaded.error} retry={reload} />{back}</Page>;
  }
  const person = loaded.data;
  if (!person) {
    return <Page title={t('admin.erase.title')}><AdminNav current="erasure" /><p role="alert">{t('admin.erase.unknown')}</p>{back}</Page>;
  }
  const erased = person.status === 'ERASED';
  const word = t('people.eraseWord');
  return (
    <Page title={erased ? t('admin.erase.erasedTitle') : t('admin.erase.person', { name: person.displayName ?? t('people.noName') })}>
      <AdminNav current="erasure" />
      {back}
      <p ref={statusRef} tabIndex={-1} role="status" class="status" id="admin-erase-message">{message}</p>
      {erased ? (
        <p id="admin-erased">{t('admin.erase.already')}</p>
      ) : (
        <>
          <section aria-labelledby="admin-effects-title" id="admin-erasure-effects">
            <h2 id="admin-effects-title">{t('admin.erase.what')}</h2>
            <div class="admin-effects">
              {ERASURE_EFFECTS.map(({ service, effects }) => (
                <div key={service}>
                  <h3>{t(service)}</h3>
                  <ul>
                    {effects.map((effect) => <li key={effect}>{t(effect)}</li>)}
                  </ul>
                </div>
              ))}
            </div>
            <p><strong>{t('admin.erase.final')}</strong></p>
          </section>
          <ProblemAlert error={erase.error} />
          <TypedConfirmation id="admin-erase-form" fieldId="admin-erase-word" title={t('admin.erase.confirmTitle')} word={word}
            label={t('people.eraseType', { word })} submit={t('admin.erase.submit')} busyText={t('admin.erase.working')}
            busy={erase.busy} onConfirm={() => void erase.run()} onCancel={() => { location.hash = hrefOf('admin', 'erasure'); }}>
            <p>{t('admin.erase.confirmWho', { name: person.displayName ?? t('people.noName') })}</p>
          </TypedConfirmation>
        </>
      )}
    </Page>
  );
}
