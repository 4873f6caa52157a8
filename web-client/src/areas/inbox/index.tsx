// The inbox (messages, unread badge and live updates come next).
import { t } from '../../i18n/i18n';

export default function Inbox() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.inbox')}</h1>
      <p>{t('inbox.empty')}</p>
    </section>
  );
}
