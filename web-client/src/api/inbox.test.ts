import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyInboxEvent, arrived, followInbox, loadInbox, unreadCount } from './inbox';

const item = (id: string, read = false) => JSON.stringify({
  id, subject: 'Meeting', body: 'b', language: 'ru', createdAt: '2026-12-04T10:00:00Z', read,
});

beforeEach(() => {
  unreadCount.value = null;
  arrived.value = [];
});

describe('the live inbox', () => {
  it('sets the badge from "unread" and counts each new unread item once', () => {
    applyInboxEvent('unread', '{"unreadCount":2}');
    expect(unreadCount.value).toBe(2);
    applyInboxEvent('inbox-item', item('i-1'));
    applyInboxEvent('inbox-item', item('i-1'));
    applyInboxEvent('inbox-item', item('i-2', true));
    expect(unreadCount.value).toBe(3);
    expect(arrived.value.map((known) => known.id)).toEqual(['i-2', 'i-1']);
  });

  it('ignores broken or unknown events', () => {
    applyInboxEvent('unread', 'not json');
    applyInboxEvent('unread', '{"unreadCount":"many"}');
    applyInboxEvent('other', '{"unreadCount":5}');
    applyInboxEvent('inbox-item', '{"subject":"no id"}');
    expect(unreadCount.value).toBeNull();
    expect(arrived.value).toEqual([]);
  });

  it('listens on the person\'s own stream and closes it', () => {
    const listeners: Record<string, (event: Event) => void> = {};
    let url = '';
    let closed = false;
    const close = followInbox('p 1', (opened) => {
      url = opened;
      return {
        addEventListener: (name: string, listener: (event: Event) => void) => { listeners[name] = listener; },
        close: () => { closed = true; },
      } as unknown as EventSource;
    });
    expect(url).toBe('/api/notifications/inbox/p%201/stream');
    listeners['unread']?.(new MessageEvent('unread', { data: '{"unreadCount":4}' }));
    expect(unreadCount.value).toBe(4);
    close();
    expect(closed).toBe(true);
  });
});

describe('loading the inbox', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads an answer that leaves out the count and the page (the service omits nulls) as an unknown count', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ content: [{ id: 'i-1', subject: 'Meeting' }] }), { status: 200 }));
    unreadCount.value = 4;
    const page = await loadInbox('p-1', 0);
    expect(unreadCount.value).toBeNull();
    expect(page.content).toEqual([{ id: 'i-1', subject: 'Meeting' }]);
    expect(page.page).toEqual({ number: 0, size: 1, totalElements: 1, totalPages: 1 });
    expect(page.unreadCount).toBeUndefined();
  });
});
