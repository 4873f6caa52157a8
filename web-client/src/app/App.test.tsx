import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from './App';
import { account } from '../api/auth';
import { offline } from '../api/connectivity';
import type { HttpDeps } from '../api/http';
import { route } from './router';
import { switchLanguage, translator } from '../i18n/i18n';
import { Translator } from '../i18n/translator';
import { en } from '../i18n/messages/en';

function gateway(answer: () => Response) {
  const calls: { path: string; init: RequestInit }[] = [];
  const http: HttpDeps = {
    fetch: async (path, init) => {
      calls.push({ path: String(path), init: init ?? {} });
      return answer();
    },
    cookies: () => 'XSRF-TOKEN=csrf-1',
  };
  return { calls, http };
}

function navigator() {
  const visited: string[] = [];
  return { visited, location: { assign: (url: string) => void visited.push(url) } };
}

beforeEach(() => {
  translator.value = new Translator('en', { en });
  route.value = null;
  offline.value = false;
});
afterEach(cleanup);

describe('the shell', () => {
  it('has a skip link to the main region, a banner and a main landmark', () => {
    account.value = { state: 'signedOut' };
    render(<App onLanguage={() => undefined} />);
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    fireEvent.click(skip);
    expect(document.activeElement?.id).toBe('main');
  });

  it('offers sign-in when signed out, which goes to the gateway\'s authorization endpoint', () => {
    account.value = { state: 'signedOut' };
    const nav = navigator();
    render(<App onLanguage={() => undefined} location={nav.location} />);
    expect(screen.queryByRole('navigation')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(nav.visited).toEqual(['/oauth2/authorization/civic']);
  });

  it('shows a coordinator the coordinator navigation', () => {
    account.value = { state: 'signedIn', roles: ['coordinator'], subject: 'p-1' };
    render(<App onLanguage={() => undefined} />);
    const links = screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('#/'));
    expect(links.map((link) => link.textContent))
      .toEqual(['Dashboard', 'Inbox', 'People', 'Organisations', 'Meetings', 'Research', 'Assignments',
        'Analytical note', 'Strategy', 'Consultations', 'Guide', 'Back office', 'My profile', 'Security']);
    expect(screen.getByText('Signed in as Coordinator')).toBeTruthy();
  });

  it('does not offer people or the dashboard to an expert, and refuses the route if typed', async () => {
    account.value = { state: 'signedIn', roles: ['expert'], subject: 'p-1' };
    route.value = 'people';
    render(<App onLanguage={() => undefined} />);
    expect(screen.queryByRole('link', { name: 'People' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Inbox' })).toBeTruthy();
    expect(screen.getByText('This page does not exist.')).toBeTruthy();
  });

  it('opens the home area lazily and marks it as the current page', async () => {
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-1' };
    render(<App onLanguage={() => undefined} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');
  });

  it('signs out with the CSRF header and follows the gateway\'s JSON redirect', async () => {
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-1' };
    const { calls, http } = gateway(() => new Response('{"redirect":"http://localhost:9000/connect/logout?x=1"}', { status: 200 }));
    const nav = navigator();
    render(<App onLanguage={() => undefined} location={nav.location} http={http} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(nav.visited).toEqual(['http://localhost:9000/connect/logout?x=1']));
    expect(calls[0]!.path).toBe('/logout');
    expect(calls[0]!.init.method).toBe('POST');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['X-XSRF-TOKEN']).toBe('csrf-1');
    expect(headers.Accept).toContain('application/json');
  });

  it('says in words when sign-out is refused', async () => {
    account.value = { state: 'signedIn', roles: ['member'], subject: 'p-1' };
    const { http } = gateway(() => new Response('{"status":403,"title":"Forbidden"}', { status: 403 }));
    render(<App onLanguage={() => undefined} location={navigator().location} http={http} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do this.');
  });

  it('shows the offline mark', () => {
    account.value = { state: 'signedOut' };
    offline.value = true;
    render(<App onLanguage={() => undefined} />);
    expect(screen.getByText(/^Offline:/)).toBeTruthy();
  });

  it('switches every string when a language is picked, and remembers only its code', async () => {
    account.value = { state: 'signedOut' };
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void stored.set(k, v) };
    render(<App onLanguage={(language) => void switchLanguage(language, storage)} />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ky' } });
    expect(await screen.findByRole('button', { name: 'Кирүү' })).toBeTruthy();
    expect(screen.getByLabelText('Тил')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ky');
    expect([...stored.values()]).toEqual(['ky']);
  });
});

describe('a screen that fails while drawing', () => {
  it('says so in words instead of freezing', async () => {
    const { ScreenBoundary } = await import('./AreaView');
    function Broken(): null {
      throw new TypeError('undefined has no properties');
    }
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(<ScreenBoundary><Broken /></ScreenBoundary>);
      expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong. Please try again.');
    } finally {
      console.error = quiet;
    }
  });
});
