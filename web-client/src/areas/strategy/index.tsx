// The strategy area (issue 14): being built.
import { Page } from '../../ui/Page';
import { t } from '../../i18n/i18n';

export default function StrategyArea() {
  return <Page title={t('strategy.title')}><p>{t('shell.loading')}</p></Page>;
}
