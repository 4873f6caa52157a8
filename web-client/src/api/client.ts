// Typed calls to the services, through the gateway (same origin: every path starts with /api/<service>).
// The types come from the services' OpenAPI documents (src/api/schema, `npm run api:types`); the calls
// behave exactly like src/api/http.ts: the CSRF header on state-changing calls (its requestHeaders), a
// non-2xx answer becomes an ApiError with the problem details, and an unreachable gateway marks the page
// offline. So `const { data } = await membership.GET('/api/membership/people/{id}', { params: { path: { id } } })`
// either gives the typed answer or throws the same ApiError the screens already turn into words.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { browser, noteAnswer, parseBody, problemError, requestHeaders, type HttpDeps } from './http';
import { ApiError } from './problems';
import { reportUnreachable } from './connectivity';
import type { paths as MembershipPaths } from './schema/membership';
import type { paths as ResearchPaths } from './schema/research';
import type { paths as StrategyPaths } from './schema/strategy';
import type { paths as NotificationPaths } from './schema/notification';
import type { paths as IdentityPaths } from './schema/identity';

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
      noteAnswer(response);
      if (response.ok) return response;
      throw problemError(response, parseBody(await response.text()));
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
