// Meetings (upcoming and past in my zone and the meeting's; scheduling, RSVP, minutes come next).
import { t } from '../../i18n/i18n';

export default function Meetings() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.meetings')}</h1>
      <h2>{t('meetings.upcoming')}</h2>
      <p>{t('shell.comingSoon')}</p>
    </section>
  );
}
