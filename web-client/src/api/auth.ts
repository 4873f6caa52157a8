// Who is signed in (GET /auth/me: signed-in state and working-group roles, never a name), sign-in by
// navigation, sign-out by POST /logout answered with {"redirect"} because the page asks for JSON.
import { signal } from '@preact/signals';
import { request, type HttpDeps } from './http';
import { forgetOfflineCopies } from './offlineCopies';

export type Role = 'coordinator' | 'expert' | 'member' | 'translator' | 'observer';

export type Account =
  | { readonly state: 'loading' }
  | { readonly state: 'signedOut' }
  | { readonly state: 'signedIn'; readonly roles: readonly string[]; readonly subject: string };

export const account = signal<Account>({ state: 'loading' });

export const SIGN_IN_PATH = '/oauth2/authorization/civic';

interface Me {
  readonly signedIn?: boolean;
  /** the person's id (the token's subject), never a name */
  readonly subject?: unknown;
  readonly roles?: unknown;
}

export async function loadAccount(deps?: HttpDeps): Promise<Account> {
  const me = await request<Me>('GET', '/auth/me', undefined, deps);
  const roles = Array.isArray(me?.roles) ? me.roles.filter((role): role is string => typeof role === 'string') : [];
  const subject = typeof me?.subject === 'string' ? me.subject : '';
  const loaded: Account = me?.signedIn ? { state: 'signedIn', roles, subject } : { state: 'signedOut' };
  if (loaded.state === 'signedOut') void forgetOfflineCopies();
  account.value = loaded;
  return loaded;
}

export interface Navigator {
  assign(url: string): void;
}

export function signIn(location: Navigator = window.location): void {
  location.assign(SIGN_IN_PATH);
}

/** Ends the session at the gateway, then goes where it says (the identity service's end-session page). */
export async function signOut(location: Navigator = window.location, deps?: HttpDeps): Promise<void> {
  const answer = await request<{ redirect?: unknown }>('POST', '/logout', undefined, deps);
  account.value = { state: 'signedOut' };
  await forgetOfflineCopies();
  location.assign(typeof answer?.redirect === 'string' ? answer.redirect : '/');
}

/** The signed-in person's id, or null. */
export function mySubject(current: Account = account.value): string | null {
  return current.state === 'signedIn' && current.subject !== '' ? current.subject : null;
}
