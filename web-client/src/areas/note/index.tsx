// The note area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function NoteArea() {
  return <Page title={t('note.title')}><p>{t('shell.loading')}</p></Page>;
}
