// notification-service's delivery log, newest first: per notification its template and time, per channel
// the status and the language the message was written in. Ids and words only: no address is shown (the
// service sends none), and the person is not named either (the log is about delivery, not about people).
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/languages';
import { viewerZone } from '../../dates/zones';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { formatInstant, useDateTimeFormatter } from '../people/display';
import { deliveries, type ChannelDelivery } from './api';
import { AdminNav } from './nav';
import { ScrollRegion } from '../../ui/ScrollRegion';

const PAGE_SIZE = 20;
const CHANNELS: Readonly<Record<string, MessageKey>> = {
  EMAIL: 'admin.channel.email',
  INBOX: 'admin.channel.inbox',
  WEBHOOK: 'admin.channel.webhook',
};
const STATUSES: Readonly<Record<string, MessageKey>> = {
  QUEUED: 'admin.delivery.queued',
  SENDING: 'admin.delivery.sending',
  SENT: 'admin.delivery.sent',
  SKIPPED: 'admin.delivery.skipped',
  FAILED: 'admin.delivery.failed',
};

/** A channel's delivery in words: "E-mail: sent, Русский" (unknown codes shown as they come). */
export function deliveryWords(delivery: ChannelDelivery): { channel: string; status: string; language: string | null } {
  const channel = delivery.channel && CHANNELS[delivery.channel] ? t(CHANNELS[delivery.channel]!) : delivery.channel ?? '';
  const status = delivery.status && STATUSES[delivery.status] ? t(STATUSES[delivery.status]!) : delivery.status ?? '';
  return { channel, status, language: delivery.language ?? null };
}

export function Deliveries() {
  const [page, setPage] = useState(0);
  const [loaded, reload] = useLoad(() => deliveries(page, PAGE_SIZE), [page]);
  const format = useDateTimeFormatter();
  const zone = viewerZone();
  return (
    <Page title={t('admin.deliveries.title')}>
      <AdminNav current="deliveries" />
      <p>{t('admin.deliveries.intro')}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <ScrollRegion label={t('admin.deliveries.title')}>
            <table id="delivery-log">
              <caption class="visually-hidden">{t('admin.deliveries.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.deliveries.time')}</th>
                  <th scope="col">{t('admin.deliveries.template')}</th>
                  <th scope="col">{t('admin.deliveries.channels')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.content.length === 0 && <tr><td colSpan={3}>{t('admin.deliveries.none')}</td></tr>}
                {loaded.data.content.map((entry) => (
                  <tr key={entry.notificationId}>
                    <th scope="row">{formatInstant(format, entry.createdAt ?? entry.occurredAt, zone)}</th>
                    <td><span class="admin-type">{entry.template ?? entry.eventType ?? ''}</span></td>
                    <td class="admin-deliveries">
                      <ul>
                        {(entry.deliveries ?? []).map((delivery) => {
                          const words = deliveryWords(delivery);
                          return (
                            <li key={delivery.channel}>
                              {t('admin.deliveries.channelStatus', { channel: words.channel, status: words.status })}
                              {words.language && (
                                <>{', '}{isLanguage(words.language)
                                  ? <span lang={words.language}>{LANGUAGE_NAMES[words.language]}</span>
                                  : words.language}</>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pager page={loaded.data.page} onPage={setPage} label={t('admin.deliveries.pages')} />
        </>
      )}
    </Page>
  );
}
