import { describe, expect, it, vi } from 'vitest';
import { forgetOfflineCopies } from './offlineCopies';
import { request } from './http';
import { offline } from './connectivity';

describe('copies kept for offline use', () => {
  it('are forgotten through the worker and directly in the cache storage', async () => {
    const postMessage = vi.fn();
    const deleted: string[] = [];
    const storage = { delete: async (name: string) => { deleted.push(name); return true; } } as unknown as CacheStorage;
    await forgetOfflineCopies({ controller: { postMessage } } as unknown as ServiceWorkerContainer, storage);
    expect(postMessage).toHaveBeenCalledWith('forget');
    expect(deleted).toEqual(['civic-data-v1']);
  });

  it('mark the app offline when an answer is a kept copy, and online again with a fresh one', async () => {
    const answer = (copy: boolean) => new Response('{"signedIn":true}', {
      status: 200,
      headers: copy ? { 'X-Civic-Offline-Copy': '1' } : {},
    });
    const deps = (copy: boolean) => ({ fetch: async () => answer(copy), cookies: () => '' });
    await request('GET', '/auth/me', undefined, deps(true));
    expect(offline.value).toBe(true);
    await request('GET', '/auth/me', undefined, deps(false));
    expect(offline.value).toBe(false);
  });
});
