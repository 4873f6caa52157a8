// My profile and security (the profile endpoint and the second factor screens come next).
import { t } from '../../i18n/i18n';

export default function Profile() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.profile')}</h1>
      <p>{t('shell.comingSoon')}</p>
    </section>
  );
}

export { Security } from './Security';
