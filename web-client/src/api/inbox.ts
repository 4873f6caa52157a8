// The signed-in person's inbox (notification-service, only the person themself may read it) and its live
// updates: server-sent events through the gateway ("unread" on connect, "inbox-item" for each new item),
// which keep the unread badge and an open inbox current wherever the person is in the app.
import { signal } from '@preact/signals';
import { request } from './http';
import { pagedOf } from './paged';
import type * as notification from './schema/notification';
import type { Paged } from '../ui/Pager';

type Schemas = notification.components['schemas'];

/** One message (notification-service's InboxItemView): every field optional, as the service leaves out nulls. */
export type InboxItem = Schemas['InboxItemView'];

/** A page of the inbox; unreadCount absent when the answer leaves it out. */
export type InboxPage = Paged<InboxItem> & Pick<Schemas['InboxPage'], 'unreadCount'>;

export const unreadCount = signal<number | null>(null);
/** items that arrived live since the inbox was last loaded, newest first */
export const arrived = signal<readonly InboxItem[]>([]);

const base = (personId: string) => `/api/notifications/inbox/${encodeURIComponent(personId)}`;

export async function loadInbox(personId: string, page: number, size = 20): Promise<InboxPage> {
  const answer = await request<Schemas['InboxPage']>('GET', `${base(personId)}?page=${page}&size=${size}`);
  if (answer === null) throw new Error('empty inbox answer');
  // no count in the answer: not known, so no summary rather than a wrong one
  unreadCount.value = answer.unreadCount ?? null;
  if (page === 0) arrived.value = [];
  return { ...pagedOf(answer), ...(answer.unreadCount === undefined ? {} : { unreadCount: answer.unreadCount }) };
}

export async function markRead(personId: string, itemId: string): Promise<void> {
  await request('POST', `${base(personId)}/items/${encodeURIComponent(itemId)}/read`);
  if (unreadCount.value !== null && unreadCount.value > 0) unreadCount.value -= 1;
}

type EventSourceLike = Pick<EventSource, 'addEventListener' | 'close'>;

/** Applies one server-sent event to the badge and the arrivals; unknown or broken data is ignored. */
export function applyInboxEvent(name: string, data: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return;
  }
  if (parsed === null || typeof parsed !== 'object') return;
  if (name === 'unread') {
    const count = (parsed as { unreadCount?: unknown }).unreadCount;
    if (typeof count === 'number') unreadCount.value = count;
  } else if (name === 'inbox-item') {
    const item = parsed as InboxItem;
    if (typeof item.id !== 'string' || arrived.value.some((known) => known.id === item.id)) return;
    arrived.value = [item, ...arrived.value];
    if (!item.read) unreadCount.value = (unreadCount.value ?? 0) + 1;
  }
}

/** Opens the live stream; the browser reconnects by itself after a dropped connection. Returns the closer. */
export function followInbox(personId: string,
  open: (url: string) => EventSourceLike = (url) => new EventSource(url, { withCredentials: true })): () => void {
  const source = open(`${base(personId)}/stream`);
  for (const name of ['unread', 'inbox-item']) {
    source.addEventListener(name, (event) => applyInboxEvent(name, (event as MessageEvent<string>).data));
  }
  return () => source.close();
}
