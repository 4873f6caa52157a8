// My profile: I see and correct my own name, contact e-mail, languages and time zone (membership-service's
// GET/PATCH /people/me). Only what changed is sent, so a correction cannot undo one made meanwhile elsewhere.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/http';
import type * as membership from '../../api/schema/membership';
import { ApiError } from '../../api/problems';
import { zoneChoices } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/languages';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';

const ME = '/api/membership/people/me';

/** GET and PATCH /people/me answer the OpenAPI document's PersonDetailsResponse: a field without a value is left out. */
export type MyDetails = membership.components['schemas']['PersonDetailsResponse'];

type Editable = Pick<MyDetails, 'displayName' | 'fullName' | 'email' | 'preferredLanguage' | 'timeZone' | 'languages'>;
const FIELDS: readonly (keyof Editable)[] = ['displayName', 'fullName', 'email', 'preferredLanguage', 'timeZone', 'languages'];

/** The PATCH body: only the fields that differ from what was loaded; an emptied full name is sent as "". */
export function correction(before: Editable, after: Editable): Partial<Record<keyof Editable, unknown>> {
  const out: Partial<Record<keyof Editable, unknown>> = {};
  // a field left out of the answer compares as empty (no languages: [])
  const empty = (field: keyof Editable) => (field === 'languages' ? [] : '');
  for (const field of FIELDS) {
    const was = before[field] ?? empty(field);
    const now = after[field] ?? empty(field);
    if (JSON.stringify(was) !== JSON.stringify(now)) out[field] = now;
  }
  return out;
}

export default function Profile() {
  const [loaded] = useLoad(async () => {
    const details = await request<MyDetails>('GET', ME);
    if (details === null) throw new Error('empty answer');
    return details;
  }, []);
  const [saved, setSaved] = useState<MyDetails | null>(null);
  const [form, setForm] = useState<Editable | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') {
      setSaved(loaded.data);
      setForm(loaded.data);
    }
  }, [loaded]);
  const save = useAction(async (body: object) => {
    const answer = await request<MyDetails>('PATCH', ME, body);
    if (answer) {
      setSaved(answer);
      setForm(answer);
    }
  });

  return (
    <Page title={t('nav.profile')}>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && (loaded.error instanceof ApiError && loaded.error.status === 404
        ? <p>{t('membership.noRecord')}</p> : <ProblemAlert error={loaded.error} />)}
      {saved !== null && form !== null && (
        <form id="profile-form" noValidate onSubmit={async (event) => {
          event.preventDefault();
          setMessage(null);
          const body = correction(saved, form);
          if (Object.keys(body).length === 0) {
            setMessage(t('profile.nothingChanged'));
            return;
          }
          if (await save.run(body)) setMessage(t('common.saved'));
        }}>
          <p class="hint">{t('profile.explain')}</p>
          {saved.protectedIdentity && <p class="notice">{t('profile.protected')}</p>}
          <TextField id="displayName" label={t('profile.displayName')} hint={t('profile.displayNameHint')} value={form.displayName ?? ''}
            onValue={(value) => setForm({ ...form, displayName: value })} required autoComplete="nickname" maxLength={200}
            error={save.fields['displayName']} />
          <TextField id="fullName" label={t('profile.fullName')} value={form.fullName ?? ''}
            onValue={(value) => setForm({ ...form, fullName: value })} autoComplete="name" maxLength={300}
            error={save.fields['fullName']} />
          <TextField id="email" type="email" label={t('profile.email')} value={form.email ?? ''}
            onValue={(value) => setForm({ ...form, email: value })} required autoComplete="email" inputMode="email"
            error={save.fields['email']} />
          <SelectField id="preferredLanguage" label={t('profile.preferredLanguage')} hint={t('profile.preferredLanguageHint')}
            value={form.preferredLanguage ?? ''}
            choices={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
            onValue={(value) => setForm({ ...form, preferredLanguage: value })} error={save.fields['preferredLanguage']} />
          <fieldset>
            <legend>{t('profile.languages')}</legend>
            {LANGUAGES.map((code) => (
              <div class="check" key={code}>
                <input type="checkbox" id={`language-${code}`} checked={(form.languages ?? []).includes(code)}
                  onChange={(event) => {
                    const others = (form.languages ?? []).filter((known) => known !== code);
                    setForm({ ...form, languages: event.currentTarget.checked ? [...others, code] : others });
                  }} />
                <label for={`language-${code}`} lang={code}>{LANGUAGE_NAMES[code]}</label>
              </div>
            ))}
          </fieldset>
          <SelectField id="timeZone" label={t('profile.timeZone')} value={form.timeZone ?? ''}
            choices={zoneChoices().map((zone) => ({ value: zone, label: zone }))}
            onValue={(value) => setForm({ ...form, timeZone: value })} error={save.fields['timeZone']} />
          <p>{t('profile.country', { country: saved.country })}</p>
          <ProblemAlert error={save.error} />
          <StatusMessage message={message} />
          <div class="actions">
            <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('common.saving') : t('common.save')}</button>
          </div>
        </form>
      )}
    </Page>
  );
}
