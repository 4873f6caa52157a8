// People and organisations (lists, a person's page and the lifecycle actions come next).
import { t } from '../../i18n/i18n';

export default function People() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.people')}</h1>
      <p>{t('shell.comingSoon')}</p>
    </section>
  );
}

export function Organisations() {
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title" tabIndex={-1}>{t('nav.organisations')}</h1>
      <p>{t('shell.comingSoon')}</p>
    </section>
  );
}
