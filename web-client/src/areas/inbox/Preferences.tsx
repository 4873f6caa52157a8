// How and when I am told: channels on or off, e-mail at once or as a daily digest at a time, quiet hours,
// all in my time zone. The service keeps one set per person; the answer to a save is what is in force.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/http';
import type * as notification from '../../api/schema/notification';
import { zoneChoices } from '../../dates/zones';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';

// the document's channels map has string keys (a Map<Channel, Boolean> in the service): the channels are these
export type Channel = 'EMAIL' | 'INBOX' | 'WEBHOOK';
export const CHANNELS: readonly Channel[] = ['EMAIL', 'INBOX', 'WEBHOOK'];

/** Read and written alike (notification-service's PreferencesView); a field left out is no value. */
export type PreferencesView = notification.components['schemas']['PreferencesView'];

const path = (personId: string) => `/api/notifications/preferences/${encodeURIComponent(personId)}`;

/**
 * What is sent: quiet hours only when both ends are given and differ (the service refuses equal ends); no
 * zone for the profile's zone. A value not sent is left out (the service reads a missing field as null).
 */
export function toRequest(form: PreferencesView): PreferencesView {
  const quiet = form.quietHours?.from && form.quietHours.to && form.quietHours.from !== form.quietHours.to
    ? form.quietHours : undefined;
  const digestTime = form.emailCadence === 'DAILY_DIGEST' ? form.digestTime || '08:00' : form.digestTime;
  return {
    ...(form.channels ? { channels: form.channels } : {}),
    emailCadence: form.emailCadence,
    ...(digestTime !== undefined ? { digestTime } : {}),
    ...(quiet ? { quietHours: quiet } : {}),
    ...(form.timeZone ? { timeZone: form.timeZone } : {}),
  };
}

export function Preferences({ personId }: { readonly personId: string | null }) {
  const [loaded] = useLoad(async () => {
    if (personId === null) throw new Error('no person');
    const preferences = await request<PreferencesView>('GET', path(personId));
    if (preferences === null) throw new Error('empty answer');
    return preferences;
  }, [personId]);
  const [form, setForm] = useState<PreferencesView | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setForm(loaded.data);
  }, [loaded]);
  const save = useAction(async (next: PreferencesView) => {
    const saved = await request<PreferencesView>('PUT', path(personId ?? ''), toRequest(next));
    if (saved) setForm(saved);
  });

  return (
    <Page title={t('inbox.preferences')}>
      <p><a href={hrefOf('inbox')}>{t('inbox.back')}</a></p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <ProblemAlert error={loaded.error} />}
      {form !== null && (
        <form id="preferences-form" noValidate onSubmit={async (event) => {
          event.preventDefault();
          setStatus(null);
          if (await save.run(form)) setStatus(t('common.saved'));
        }}>
          <fieldset>
            <legend>{t('inbox.channels')}</legend>
            {CHANNELS.map((channel) => (
              <div class="check" key={channel}>
                <input type="checkbox" id={`channel-${channel}`} checked={form.channels?.[channel] !== false}
                  onChange={(event) => setForm({ ...form, channels: { ...form.channels, [channel]: event.currentTarget.checked } })} />
                <label for={`channel-${channel}`}>{t(`inbox.channel.${channel}`)}</label>
              </div>
            ))}
          </fieldset>
          <SelectField id="emailCadence" label={t('inbox.cadence')} value={form.emailCadence}
            choices={[{ value: 'IMMEDIATE', label: t('inbox.cadence.IMMEDIATE') }, { value: 'DAILY_DIGEST', label: t('inbox.cadence.DAILY_DIGEST') }]}
            onValue={(value) => setForm({ ...form, emailCadence: value === 'DAILY_DIGEST' ? 'DAILY_DIGEST' : 'IMMEDIATE' })}
            error={save.fields['emailCadence']} />
          {form.emailCadence === 'DAILY_DIGEST' && (
            <TextField id="digestTime" type="text" inputMode="numeric" label={t('inbox.digestTime')} hint={t('inbox.timeHint')}
              value={form.digestTime ?? ''} onValue={(value) => setForm({ ...form, digestTime: value })}
              error={save.fields['digestTime']} />
          )}
          <fieldset>
            <legend>{t('inbox.quietHours')}</legend>
            <p class="hint">{t('inbox.quietHoursHint')}</p>
            <TextField id="quietFrom" type="text" inputMode="numeric" label={t('inbox.quietFrom')} hint={t('inbox.timeHint')}
              value={form.quietHours?.from ?? ''} error={save.fields['quietHours.from']}
              onValue={(value) => setForm({ ...form, quietHours: { from: value, to: form.quietHours?.to ?? '' } })} />
            <TextField id="quietTo" type="text" inputMode="numeric" label={t('inbox.quietTo')} hint={t('inbox.timeHint')}
              value={form.quietHours?.to ?? ''} error={save.fields['quietHours.to']}
              onValue={(value) => setForm({ ...form, quietHours: { from: form.quietHours?.from ?? '', to: value } })} />
          </fieldset>
          <SelectField id="prefTimeZone" label={t('inbox.timeZone')} value={form.timeZone ?? ''} empty={t('inbox.profileZone')}
            choices={zoneChoices().map((zone) => ({ value: zone, label: zone }))}
            onValue={(value) => setForm({ ...form, timeZone: value })} error={save.fields['timeZone']} />
          <ProblemAlert error={save.error} />
          <StatusMessage message={status} />
          <div class="actions">
            <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t('common.saving') : t('common.save')}</button>
          </div>
        </form>
      )}
    </Page>
  );
}
