import { describe, expect, it } from 'vitest';
import { gatewayClient } from './client';
import { ApiError } from './problems';
import { offline } from './connectivity';
import type { HttpDeps } from './http';
import type { paths as MembershipPaths } from './schema/membership';
import type { paths as NotificationPaths } from './schema/notification';

function recording(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  const deps: HttpDeps = {
    fetch: async (input) => {
      requests.push(input as Request);
      return answer();
    },
    cookies: () => 'other=1; XSRF-TOKEN=abc%3D123; last=2',
  };
  return { requests, deps };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the typed gateway client', () => {
  it('calls the gateway path, accepting JSON and problems, with no CSRF header on GET, and returns the typed answer', async () => {
    const { requests, deps } = recording(() => json([{ code: 'KG', name: 'Kyrgyzstan', centralAsia: true }]));
    const client = gatewayClient<MembershipPaths>(deps);
    const { data } = await client.GET('/api/membership/countries');
    expect(data?.[0]?.name).toBe('Kyrgyzstan');
    const request = requests[0]!;
    expect(new URL(request.url).pathname).toBe('/api/membership/countries');
    expect(request.method).toBe('GET');
    expect(request.headers.get('Accept')).toBe('application/json, application/problem+json');
    expect(request.headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('fills in path parameters and sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on a state-changing call', async () => {
    const { requests, deps } = recording(() => new Response(null, { status: 204 }));
    const client = gatewayClient<NotificationPaths>(deps);
    await client.POST('/api/notifications/inbox/{personId}/items/{itemId}/read', {
      params: { path: { personId: 'p-1', itemId: 'i-2' } },
    });
    const request = requests[0]!;
    expect(new URL(request.url).pathname).toBe('/api/notifications/inbox/p-1/items/i-2/read');
    expect(request.method).toBe('POST');
    expect(request.headers.get('X-XSRF-TOKEN')).toBe('abc=123');
  });

  it('keeps the JSON content type of a body', async () => {
    const { requests, deps } = recording(() => json({}, 200));
    const client = gatewayClient<MembershipPaths>(deps);
    await client.POST('/api/membership/people/{id}/consent', {
      params: { path: { id: 'p-1' } },
      body: { noticeVersion: '2026-01', agreedTo: ['contact-by-email'] },
    });
    const request = requests[0]!;
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.headers.get('X-XSRF-TOKEN')).toBe('abc=123');
    expect(await request.text()).toBe('{"noticeVersion":"2026-01","agreedTo":["contact-by-email"]}');
  });

  it('turns a problem answer into the ApiError the screens show, with the problem and correlation id', async () => {
    const { deps } = recording(() => new Response(
      '{"type":"/problems/domain-rule","title":"Rule violated","status":422,"errors":[{"field":"x","message":"m"}]}',
      { status: 422, headers: { 'Content-Type': 'application/problem+json', 'X-Correlation-Id': 'c-9' } }));
    const client = gatewayClient<MembershipPaths>(deps);
    const failure = await client.POST('/api/membership/people/{id}/activate', { params: { path: { id: 'p-1' } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(422);
    expect((failure as ApiError).problem?.type).toBe('/problems/domain-rule');
    expect((failure as ApiError).correlationId).toBe('c-9');
  });

  it('gives an ApiError without a problem when the error answer is not JSON', async () => {
    const { deps } = recording(() => new Response('Bad gateway', { status: 502 }));
    const client = gatewayClient<MembershipPaths>(deps);
    const failure = await client.GET('/api/membership/countries').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(502);
    expect((failure as ApiError).problem).toBeNull();
  });

  it('marks the page offline when the gateway cannot be reached, and clears it on the next answer', async () => {
    let reachable = false;
    const { deps } = recording(() => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return json([]);
    });
    const client = gatewayClient<MembershipPaths>(deps);
    const failure = await client.GET('/api/membership/countries').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).offline).toBe(true);
    expect(offline.value).toBe(true);
    reachable = true;
    await client.GET('/api/membership/countries');
    expect(offline.value).toBe(false);
  });

  it('marks the page offline when the answer is the service worker\'s kept copy, and still gives it', async () => {
    offline.value = false;
    const { deps } = recording(() => new Response('[{"code":"KG"}]', {
      status: 200, headers: { 'Content-Type': 'application/json', 'X-Civic-Offline-Copy': '1' },
    }));
    const { data } = await gatewayClient<MembershipPaths>(deps).GET('/api/membership/countries');
    expect(data?.[0]?.code).toBe('KG');
    expect(offline.value).toBe(true);
  });
});
