// What the strategy's screens share: who is looking, and what a refused read says.
import { account } from '../../api/auth';
import { ApiError } from '../../api/problems';
import { hasRole } from '../../app/nav';
import { t } from '../../i18n/i18n';
import { LoadFailed } from '../../ui/feedback';

export function isCoordinator(): boolean {
  const session = account.value;
  return session.state === 'signedIn' && hasRole(session.roles, 'coordinator');
}

/** A 403 on reading: signed in, but not (yet) a member of the working group; anything else with "try again". */
export function NotMember({ error, retry }: { readonly error: unknown; readonly retry: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <p>{t('strategy.notMember')}</p>;
  return <LoadFailed error={error} retry={retry} />;
}
