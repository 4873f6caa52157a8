// The research area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function ResearchArea() {
  return <Page title={t('research.title')}><p>{t('shell.loading')}</p></Page>;
}
