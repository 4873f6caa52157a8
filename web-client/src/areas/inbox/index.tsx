// The inbox: my messages, newest first, unread marked and counted, new ones appearing as they arrive;
// #/inbox/preferences: how and when I am told.
import { useState } from 'preact/hooks';
import { mySubject } from '../../api/auth';
import { arrived, loadInbox, markRead, unreadCount, type InboxItem } from '../../api/inbox';
import { useDateTime } from '../../dates/useDateTime';
import { viewerZone } from '../../dates/zones';
import { routeArgs, hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { Preferences } from './Preferences';

export default function Inbox() {
  const me = mySubject();
  if (routeArgs.value[0] === 'preferences') return <Preferences personId={me} />;
  return <Messages personId={me} />;
}

function Messages({ personId }: { readonly personId: string | null }) {
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [loaded, reload] = useLoad(
    () => (personId === null ? Promise.reject(new Error('no person')) : loadInbox(personId, page)), [personId, page]);
  const reading = useAction((itemId: string) => markRead(personId ?? '', itemId));
  const format = useDateTime();
  const zone = viewerZone();

  const live = page === 0 ? arrived.value : [];
  const items: readonly InboxItem[] = loaded.state === 'ready'
    ? [...live.filter((item) => !loaded.data.content.some((known) => known.id === item.id)), ...loaded.data.content]
    : [];

  return (
    <Page title={t('nav.inbox')}>
      <p class="actions"><a href={hrefOf('inbox', 'preferences')}>{t('inbox.preferences')}</a></p>
      {unreadCount.value !== null && <p id="inbox-summary">{t('inbox.unread', { count: unreadCount.value })}</p>}
      <StatusMessage message={status} />
      <ProblemAlert error={reading.error} />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <ProblemAlert error={loaded.error} />}
      {loaded.state === 'ready' && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items.length > 0 && (
        <ol id="inbox-items" class="inbox-items">
          {items.map(({ id, read, language, subject, createdAt, body }, index) => (
            // an item without its id can be read but not marked read (the call needs the id)
            <li key={id ?? index} class={read ? 'inbox-item' : 'inbox-item unread'}>
              <article aria-labelledby={`item-${id ?? index}`}>
                <h2 id={`item-${id ?? index}`} class="inbox-subject">
                  {!read && <span class="badge">{t('inbox.new')}</span>} <span lang={language}>{subject}</span>
                </h2>
                {createdAt && <p class="meta"><time dateTime={createdAt}>{format(new Date(createdAt), zone)}</time></p>}
                <p class="inbox-body" lang={language}>{body}</p>
                {!read && id !== undefined && (
                  <button type="button" disabled={reading.busy} onClick={async () => {
                    if (await reading.run(id)) {
                      setStatus(t('inbox.markedRead'));
                      reload();
                    }
                  }}>
                    {t('inbox.markRead')}
                    <span class="visually-hidden">: {subject}</span>
                  </button>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      {loaded.state === 'ready' && <Pager page={loaded.data.page} onPage={setPage} label={t('inbox.pages')} />}
    </Page>
  );
}
