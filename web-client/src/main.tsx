import { render } from 'preact';
import './styles.css';
import { App } from './app/App';
import { loadAccount, account } from './api/auth';
import { watchConnectivity } from './api/connectivity';
import { registerServiceWorker } from './api/offlineCopies';
import { startingLanguage, switchLanguage } from './i18n/i18n';
import { followHash } from './app/router';
import type { Language } from './i18n/languages';

function chooseLanguage(language: Language) {
  void switchLanguage(language, localStorage);
}

watchConnectivity();
if (import.meta.env.PROD) registerServiceWorker();
followHash();
window.addEventListener('hashchange', () => followHash());
void switchLanguage(startingLanguage());
loadAccount().catch(() => {
  account.value = { state: 'signedOut' };
});

const root = document.getElementById('app');
if (root) render(<App onLanguage={chooseLanguage} />, root);
