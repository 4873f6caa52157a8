// A stand-in for the gateway in rendered tests: answers by "METHOD path" (path without the query), records
// every call with its query, body and headers. Installed as the global fetch, as the browser's would be.
import { vi } from 'vitest';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

export type Answer = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown });

export function fakeGateway(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    if (route === undefined) {
      return new Response(JSON.stringify({ status: 404, title: 'Not Found' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const answer = typeof route === 'function' ? route(call) : route;
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  document.cookie = 'XSRF-TOKEN=csrf-1';
  return { calls, called: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export function paged<T>(content: readonly T[], totalElements = content.length, number = 0, size = 20) {
  return { content, page: { number, size, totalElements, totalPages: Math.max(1, Math.ceil(totalElements / size)) } };
}
