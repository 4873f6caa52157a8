// The shell: skip link, banner with language and account, the role's navigation, the main region.
import { useEffect, useState } from 'preact/hooks';
import { account, mySubject, signIn, signOut, type Navigator } from '../api/auth';
import { followInbox, unreadCount } from '../api/inbox';
import { offline } from '../api/connectivity';
import { problemMessage } from '../api/problems';
import type { HttpDeps } from '../api/http';
import { t } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import type { MessageKey } from '../i18n/messages/en';
import { LanguagePicker } from './LanguagePicker';
import { AreaView } from './AreaView';
import { homeArea, navItems } from './nav';
import { hrefOf, route } from './router';

export interface AppProps {
  readonly onLanguage: (language: Language) => void;
  /** for tests: where sign-in and sign-out navigate, and how calls are made */
  readonly location?: Navigator;
  readonly http?: HttpDeps;
}

const ROLE_NAMES: Readonly<Record<string, MessageKey>> = {
  coordinator: 'role.coordinator',
  expert: 'role.expert',
  member: 'role.member',
  translator: 'role.translator',
  observer: 'role.observer',
};

function roleNames(roles: readonly string[]): string {
  return roles.map((role) => {
    const key = ROLE_NAMES[role];
    return key ? t(key) : role;
  }).join(', ');
}

export function App({ onLanguage, location, http }: AppProps) {
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = account.value;
  const roles = current.state === 'signedIn' ? current.roles : [];
  const items = current.state === 'signedIn' ? navItems(roles) : [];
  const allowed = new Set(items.map((item) => item.area));
  const requested = route.value;
  const shown = requested === null && current.state === 'signedIn' ? homeArea(roles) : requested;
  const me = mySubject(current);

  // the unread badge stays current wherever the person is (EventSource reconnects by itself)
  useEffect(() => {
    if (me === null || typeof EventSource === 'undefined') return undefined;
    return followInbox(me);
  }, [me]);

  // on a phone the navigation scrolls sideways: keep the current area's link in sight
  useEffect(() => {
    const link = document.querySelector('nav a[aria-current="page"]');
    if (link && typeof link.scrollIntoView === 'function') link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [shown]);

  async function onSignOut() {
    setSigningOut(true);
    setError(null);
    try {
      await signOut(location, http);
    } catch (failure) {
      setError(problemMessage(failure, t));
      setSigningOut(false);
    }
  }

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // the hash is the router's: move focus without changing it
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header class="banner">
        <p class="app-name">{t('app.name')}</p>
        <LanguagePicker onChange={onLanguage} />
        <div class="account">
          {current.state === 'signedIn' && (
            <>
              <span class="signed-in-as" id="signed-in-as">
                {roles.length ? t('shell.signedIn', { roles: roleNames(roles) }) : t('shell.signedInNoRole')}
              </span>
              <button type="button" id="sign-out" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? t('shell.signingOut') : t('shell.signOut')}
              </button>
            </>
          )}
          {current.state === 'signedOut' && (
            <button type="button" id="sign-in" onClick={() => signIn(location)}>{t('shell.signIn')}</button>
          )}
        </div>
      </header>
      {offline.value && (
        <p class="offline" role="status">{t('shell.offline')}</p>
      )}
      {items.length > 0 && (
        <nav aria-label={t('shell.mainNav')}>
          <ul>
            {items.map((item) => (
              <li key={item.area}>
                <a href={hrefOf(item.area)} aria-current={shown === item.area ? 'page' : undefined}>
                  {t(item.label)}
                  {item.area === 'inbox' && unreadCount.value !== null && unreadCount.value > 0 && (
                    <span class="badge" id="unread-badge">
                      <span aria-hidden="true">{unreadCount.value}</span>
                      <span class="visually-hidden">{t('inbox.unread', { count: unreadCount.value })}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {error !== null && <p role="alert" class="error">{error}</p>}
        {current.state === 'loading' && <p role="status">{t('shell.loading')}</p>}
        {current.state === 'signedOut' && (
          <section aria-labelledby="area-title">
            <h1 id="area-title" tabIndex={-1}>{t('shell.welcomeTitle')}</h1>
            <p>{t('shell.welcomeBody')}</p>
          </section>
        )}
        {current.state === 'signedIn' && shown !== null && shown !== 'notFound' && allowed.has(shown) && (
          <AreaView area={shown} />
        )}
        {current.state === 'signedIn' && (shown === 'notFound' || (shown !== null && !allowed.has(shown))) && (
          <p>{t('shell.notFound')}</p>
        )}
      </main>
    </>
  );
}
