// My membership: the invitation (accept or decline), consent, then my status.
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';

export default function Membership() {
  return (
    <Page title={t('nav.membership')}>
      <p>{t('shell.comingSoon')}</p>
    </Page>
  );
}
