// Registering a person: the fields POST /api/membership/people takes. The person is a candidate
// afterwards; the coordinator invites them from their page.
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { hrefOf } from '../../app/router';
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/languages';
import { zoneChoices } from '../../dates/zones';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { GROUP_ROLES, registerPerson, type GroupRole, type NewPerson } from './api';
import { COUNTRY_ZONES, roleKey } from './lifecycle';
import { notice, useCountryChoices } from './shared';

const zones = zoneChoices().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));

export function RegisterPerson({ go = (hash: string) => void (window.location.hash = hash) }: { readonly go?: (hash: string) => void }) {
  const [form, setForm] = useState({ displayName: '', fullName: '', email: '', country: '', preferredLanguage: '', timeZone: '' });
  const [roles, setRoles] = useState<GroupRole[]>(['EXPERT']);
  const [protectedIdentity, setProtected] = useState(false);
  const countries = useCountryChoices();
  const action = useAction(async (person: NewPerson) => {
    const created = await registerPerson(person);
    notice.value = t('people.registered', { name: created.displayName ?? '' });
    go(hrefOf('people', created.id ?? ''));
  });
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  const field = (name: string) => action.fields[name];

  return (
    <Page title={t('people.register')}>
      <p><a href={hrefOf('people')}>{t('people.backToList')}</a></p>
      <form
        id="register-form"
        aria-label={t('people.register')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const person: NewPerson = {
            displayName: form.displayName.trim(),
            email: form.email.trim(),
            country: form.country,
            preferredLanguage: form.preferredLanguage,
            timeZone: form.timeZone,
            roles,
            protectedIdentity,
            ...(form.fullName.trim() ? { fullName: form.fullName.trim() } : {}),
          };
          void action.run(person);
        }}
      >
        <TextField id="displayName" label={t('people.displayName')} hint={t('people.displayNameHint')} value={form.displayName}
          onValue={set('displayName')} required maxLength={200} error={field('displayName')} autoComplete="off" />
        <TextField id="fullName" label={t('people.optional', { label: t('people.fullName') })} value={form.fullName} onValue={set('fullName')} maxLength={300}
          error={field('fullName')} autoComplete="off" />
        <TextField id="email" type="email" label={t('people.email')} value={form.email} onValue={set('email')} required
          inputMode="email" maxLength={254} error={field('email')} autoComplete="off" />
        <SelectField id="country" label={t('people.country')} value={form.country} required empty={t('people.choose')}
          choices={countries} error={field('country')}
          onValue={(country) => setForm({ ...form, country, timeZone: form.timeZone || (COUNTRY_ZONES[country] ?? '') })} />
        <SelectField id="preferredLanguage" label={t('people.preferredLanguage')} value={form.preferredLanguage} required
          empty={t('people.choose')} error={field('preferredLanguage')} onValue={set('preferredLanguage')}
          choices={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))} />
        <SelectField id="timeZone" label={t('people.timeZone')} hint={t('people.timeZoneHint')} value={form.timeZone} required
          empty={t('people.choose')} error={field('timeZone')} onValue={set('timeZone')} choices={zones} />
        <fieldset class="field">
          <legend>{t('people.roles')}</legend>
          {GROUP_ROLES.map((role) => (
            <label key={role} class="check">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={(event) => setRoles(event.currentTarget.checked ? [...roles, role] : roles.filter((r) => r !== role))}
              />
              {t(roleKey(role))}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label class="check">
            <input type="checkbox" id="protectedIdentity" checked={protectedIdentity} aria-describedby="protectedIdentity-hint"
              onChange={(event) => setProtected(event.currentTarget.checked)} />
            {t('people.protectedIdentity')}
          </label>
          <p id="protectedIdentity-hint" class="hint">{t('people.protectedIdentityHint')}</p>
        </div>
        <ProblemAlert error={action.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>{action.busy ? t('people.registering') : t('people.registerSubmit')}</button>
        </div>
      </form>
    </Page>
  );
}
