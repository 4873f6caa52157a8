// Typed calls to the services, through the gateway (same origin: every path starts with /api/<service>).
// The types come from the services' OpenAPI documents (src/api/schema, `npm run api:types`); the calls
// behave exactly like src/api/http.ts: the CSRF header on state-changing calls (its requestHeaders), a
// non-2xx answer becomes an ApiError with the problem details, and an unreachable gateway marks the page
// offline. So `const { data } = await membership.GET('/api/membership/people/{id}', { params: { path: { id } } })`
// either gives the typed answer or throws the same ApiError the screens already turn into words.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { requestHeaders, type HttpDeps } from './http';
import { ApiError, type ProblemDetails } from './problems';
import { reportReachable, reportUnreachable } from './connectivity';
import { OFFLINE_COPY_HEADER } from './offlineCopies';
import type { paths as MembershipPaths } from './schema/membership';
import type { paths as ResearchPaths } from './schema/research';
import type { paths as StrategyPaths } from './schema/strategy';
import type { paths as NotificationPaths } from './schema/notification';
import type { paths as IdentityPaths } from './schema/identity';

const browser: HttpDeps = {
  fetch: (...args) => globalThis.fetch(...args),
  cookies: () => document.cookie,
};

/** The middleware every client uses: headers as http.ts sets them, problems to ApiError, connectivity. */
export function gatewayMiddleware(cookies: () => string): Middleware {
  return {
    onRequest({ request }) {
      // Content-Type is openapi-fetch's (set only when there is a body); Accept and X-XSRF-TOKEN are ours
      for (const [name, value] of Object.entries(requestHeaders(request.method, cookies(), false))) {
        request.headers.set(name, value);
      }
      return request;
    },
    async onResponse({ response }) {
      // an answer kept by the service worker (as http.ts reads it): the gateway could not be reached
      if (response.headers.get(OFFLINE_COPY_HEADER) !== null) reportUnreachable();
      else reportReachable();
      if (response.ok) return response;
      const text = await response.text();
      let problem: ProblemDetails | null = null;
      if (text) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (parsed !== null && typeof parsed === 'object') problem = parsed as ProblemDetails;
        } catch {
          problem = null;
        }
      }
      throw new ApiError(response.status, problem, response.headers.get('X-Correlation-Id'));
    },
    onError() {
      reportUnreachable();
      return new ApiError(0, null, null, true);
    },
  };
}

/** A typed client for one service's paths (the type parameter), with the gateway's middleware. */
export function gatewayClient<Paths extends object>(deps: HttpDeps = browser): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl: '',
    credentials: 'same-origin',
    fetch: (request: Request) => deps.fetch(request),
  });
  client.use(gatewayMiddleware(deps.cookies));
  return client;
}

export const membership = gatewayClient<MembershipPaths>();
export const research = gatewayClient<ResearchPaths>();
export const strategy = gatewayClient<StrategyPaths>();
export const notifications = gatewayClient<NotificationPaths>();
export const identity = gatewayClient<IdentityPaths>();
