// The one way the client talks to the gateway. The gateway keeps the sign-in in its session (an
// HttpOnly cookie the page never sees); a state-changing call echoes the XSRF-TOKEN cookie in the
// X-XSRF-TOKEN header, which another site cannot read. Errors become ApiError (problem details).
import { ApiError, type ProblemDetails } from './problems';
import { reportReachable, reportUnreachable } from './connectivity';
import { OFFLINE_COPY_HEADER } from './offlineCopies';

export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

export function readCookie(name: string, cookies: string): string | null {
  const prefix = `${name}=`;
  const found = cookies.split(';').map((part) => part.trim()).find((part) => part.startsWith(prefix));
  return found === undefined ? null : decodeURIComponent(found.substring(prefix.length));
}

export interface HttpDeps {
  readonly fetch: typeof fetch;
  readonly cookies: () => string;
}

const browser: HttpDeps = {
  fetch: (...args) => globalThis.fetch(...args),
  cookies: () => document.cookie,
};

/** Headers for a call: JSON accepted, and the CSRF token on every unsafe method. */
export function requestHeaders(method: string, cookies: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const xsrf = readCookie('XSRF-TOKEN', cookies);
  if (!SAFE_METHODS.includes(method.toUpperCase()) && xsrf !== null) {
    headers['X-XSRF-TOKEN'] = xsrf;
  }
  if (hasBody) headers['Content-Type'] = 'application/json';
  return headers;
}

export async function request<T>(method: string, path: string, body?: unknown, deps: HttpDeps = browser): Promise<T | null> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: requestHeaders(method, deps.cookies(), body !== undefined),
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response: Response;
  try {
    response = await deps.fetch(path, init);
  } catch {
    reportUnreachable();
    throw new ApiError(0, null, null, true);
  }
  // an answer kept by the service worker: the gateway could not be reached, what is shown is the last copy
  if (response.headers.get(OFFLINE_COPY_HEADER) !== null) reportUnreachable();
  else reportReachable();
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = data !== null && typeof data === 'object' ? (data as ProblemDetails) : null;
    throw new ApiError(response.status, problem, response.headers.get('X-Correlation-Id'));
  }
  return data as T | null;
}
