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

export const browser: HttpDeps = {
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
  noteAnswer(response);
  const data = parseBody(await response.text());
  if (!response.ok) throw problemError(response, data);
  return data as T | null;
}

/** An answer came: the gateway is reachable, unless it is a copy the service worker kept (then it is not). */
export function noteAnswer(response: Response): void {
  if (response.headers.get(OFFLINE_COPY_HEADER) !== null) reportUnreachable();
  else reportReachable();
}

/** An answer's body as JSON, or null when it is empty or no JSON (a proxy's HTML error page, say). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ApiError of a refused call: its status, the problem details if the body is one, the correlation id. */
export function problemError(response: Response, data: unknown): ApiError {
  const problem = data !== null && typeof data === 'object' ? (data as ProblemDetails) : null;
  return new ApiError(response.status, problem, response.headers.get('X-Correlation-Id'));
}
