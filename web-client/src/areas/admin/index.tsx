// The admin area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function AdminArea() {
  return <Page title={t('admin.title')}><p>{t('shell.loading')}</p></Page>;
}
