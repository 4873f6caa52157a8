// The coordinator's dashboard (progress against the plan comes in the next step).
import { t } from '../../i18n/i18n';

export default function Dashboard() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.dashboard')}</h1>
      <h2>{t('dashboard.waiting')}</h2>
      <p>{t('shell.comingSoon')}</p>
    </section>
  );
}
