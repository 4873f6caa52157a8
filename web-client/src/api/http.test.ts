import { describe, expect, it } from 'vitest';
import { readCookie, request, requestHeaders, type HttpDeps } from './http';
import { ApiError } from './problems';
import { offline } from './connectivity';

function recording(response: () => Response | Promise<Response>) {
  const calls: { path: string; init: RequestInit }[] = [];
  const deps: HttpDeps = {
    fetch: async (path, init) => {
      calls.push({ path: String(path), init: init ?? {} });
      return response();
    },
    cookies: () => 'other=1; XSRF-TOKEN=abc%3D123; last=2',
  };
  return { calls, deps };
}

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('the fetch wrapper', () => {
  it('reads a cookie by name, decoded', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=x%2By')).toBe('x+y');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeNull();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('sends X-XSRF-TOKEN on %s', (method) => {
    expect(requestHeaders(method, 'XSRF-TOKEN=t', false)['X-XSRF-TOKEN']).toBe('t');
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('does not send it on %s', (method) => {
    expect(requestHeaders(method, 'XSRF-TOKEN=t', false)).not.toHaveProperty('X-XSRF-TOKEN');
  });

  it('posts JSON with the token from the cookie and returns the parsed answer', async () => {
    const { calls, deps } = recording(() => new Response('{"id":"p1"}', { status: 201 }));
    const answer = await request<{ id: string }>('POST', '/api/people', { name: 'x' }, deps);
    expect(answer).toEqual({ id: 'p1' });
    expect(headersOf(calls[0]!.init)['X-XSRF-TOKEN']).toBe('abc=123');
    expect(headersOf(calls[0]!.init)['Content-Type']).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"name":"x"}');
  });

  it('returns null for 204 No Content', async () => {
    const { deps } = recording(() => new Response(null, { status: 204 }));
    expect(await request('DELETE', '/api/x', undefined, deps)).toBeNull();
  });

  it('turns a problem response into an ApiError with the problem and correlation id', async () => {
    const { deps } = recording(() => new Response('{"type":"about:blank","title":"Conflict","status":409}', {
      status: 409,
      headers: { 'Content-Type': 'application/problem+json', 'X-Correlation-Id': 'c-1' },
    }));
    const failure = await request('POST', '/api/x', {}, deps).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(409);
    expect((failure as ApiError).problem?.title).toBe('Conflict');
    expect((failure as ApiError).correlationId).toBe('c-1');
  });

  it('marks the page offline when the gateway cannot be reached, and clears it on the next answer', async () => {
    const down = recording(() => Promise.reject(new TypeError('Failed to fetch')));
    const failure = await request('GET', '/auth/me', undefined, down.deps).catch((e: unknown) => e);
    expect((failure as ApiError).offline).toBe(true);
    expect(offline.value).toBe(true);
    const up = recording(() => new Response('{}', { status: 200 }));
    await request('GET', '/auth/me', undefined, up.deps);
    expect(offline.value).toBe(false);
  });
});
