// The consultations area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function ConsultationsArea() {
  return <Page title={t('consultations.title')}><p>{t('shell.loading')}</p></Page>;
}
