// The assignments area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function AssignmentsArea() {
  return <Page title={t('assignments.title')}><p>{t('shell.loading')}</p></Page>;
}
