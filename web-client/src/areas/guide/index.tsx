// The guide area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function GuideArea() {
  return <Page title={t('guide.title')}><p>{t('shell.loading')}</p></Page>;
}
