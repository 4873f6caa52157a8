// Every service's audit trail in one view, newest first: filters (service, type of change, days in the
// viewer's zone), paged through the merged trail (logic.ts MergedTrail), actors and people named only where
// membership lets the coordinator read them; an erased person is "erased person", never a name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { viewerZone } from '../../dates/zones';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, ProblemAlert } from '../../ui/feedback';
import { formatInstant, useDateTimeFormatter } from '../people/display';
import { AUDIT_SERVICES, auditPage, findPerson, type AuditService, type Person } from './api';
import { MergedTrail, dayStart, fullType, nextDay, personIdsOf, shortType, whoIs, type TrailEntry, type Who } from './logic';
import { AdminNav } from './nav';
import { ScrollRegion } from '../../ui/ScrollRegion';

const PAGE_SIZE = 20;
const TYPE = /^[A-Za-z0-9._:-]{1,100}$/;

export const SERVICE_NAMES: Readonly<Record<AuditService, MessageKey>> = {
  membership: 'admin.service.membership',
  research: 'admin.service.research',
  strategy: 'admin.service.strategy',
  notifications: 'admin.service.notifications',
  identity: 'admin.service.identity',
};

export interface AuditFilters {
  readonly service: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

const NO_FILTERS: AuditFilters = { service: '', type: '', from: '', to: '' };

function isService(value: string): value is AuditService {
  return (AUDIT_SERVICES as readonly string[]).includes(value);
}

/** The merged trail the filters ask for; without an end day it ends now, so pages stay put while read. */
export function trailFor(filters: AuditFilters, zone: string, now: Date, fetch = auditPage): MergedTrail {
  const services = isService(filters.service) ? [filters.service] : AUDIT_SERVICES;
  const query = {
    type: fullType(filters.type),
    from: dayStart(filters.from, zone),
    to: filters.to ? dayStart(nextDay(filters.to), zone) : now.toISOString(),
  };
  return new MergedTrail(services, PAGE_SIZE, (service, page, size) => fetch(service, query, page, size));
}

export function AuditTrail() {
  const zone = viewerZone();
  const [form, setForm] = useState<AuditFilters>(NO_FILTERS);
  const [typeError, setTypeError] = useState<MessageKey | undefined>(undefined);
  const [trail, setTrail] = useState(() => trailFor(NO_FILTERS, zone, new Date()));
  const [pages, setPages] = useState<readonly (readonly TrailEntry[])[]>([]);
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const people = useRef(new Map<string, Person | null>());
  const current = useRef(trail);
  const format = useDateTimeFormatter();

  const loadMore = async (from: MergedTrail, before: readonly (readonly TrailEntry[])[]) => {
    setBusy(true);
    setError(null);
    try {
      const page = await from.next();
      const unknown = personIdsOf(page).filter((id) => !people.current.has(id));
      const found = await Promise.all(unknown.map(async (id) => [id, await findPerson(id)] as const));
      for (const [id, person] of found) people.current.set(id, person);
      if (current.current !== from) return; // the filters changed meanwhile
      setPages([...before, page]);
      setIndex(before.length);
    } catch (failure) {
      if (current.current === from) setError(failure);
    } finally {
      if (current.current === from) setBusy(false);
    }
  };
  useEffect(() => {
    current.current = trail;
    setPages([]);
    setIndex(0);
    void loadMore(trail, []);
  }, [trail]);

  const set = (field: keyof AuditFilters) => (value: string) => setForm({ ...form, [field]: value });
  const apply = (event: Event) => {
    event.preventDefault();
    const type = form.type.trim();
    if (type !== '' && !TYPE.test(type)) {
      setTypeError('admin.audit.typeInvalid');
      return;
    }
    setTypeError(undefined);
    setTrail(trailFor(form, zone, new Date()));
  };

  const page = pages[index];
  const failed = [...trail.failed.keys()];
  // nothing to show and a refusal: say why (not allowed, a bad filter…); else name the services left out
  const refusal = failed.length > 0 && page?.length === 0 ? trail.failed.get(failed[0]!) : null;
  return (
    <Page title={t('admin.audit.title')}>
      <AdminNav current="audit" />
      <p>{t('admin.audit.intro')}</p>
      <form id="audit-filters" aria-label={t('admin.audit.filters')} onSubmit={apply}>
        <div class="admin-filters">
          <SelectField id="audit-service" label={t('admin.audit.service')} value={form.service} empty={t('admin.audit.anyService')}
            choices={AUDIT_SERVICES.map((service) => ({ value: service, label: t(SERVICE_NAMES[service]) }))} onValue={set('service')} />
          <TextField id="audit-type" label={t('admin.audit.type')} hint={t('admin.audit.typeHint')} value={form.type} onValue={set('type')}
            error={typeError} autoComplete="off" maxLength={120} />
          <TextField id="audit-from" label={t('admin.audit.from')} type="date" value={form.from} onValue={set('from')} />
          <TextField id="audit-to" label={t('admin.audit.to')} type="date" value={form.to} onValue={set('to')} />
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>{busy ? t('shell.loading') : t('admin.audit.apply')}</button>
        </div>
      </form>
      {refusal ? <ProblemAlert error={refusal} /> : failed.length > 0 && (
        <p role="alert" class="error">{t('admin.audit.failed', { services: failed.map((s) => t(SERVICE_NAMES[s])).join(', ') })}</p>
      )}
      <ProblemAlert error={error} />
      {page === undefined ? (busy && <Loading />) : (
        <>
          <p id="audit-count" role="status">{t('admin.audit.count', { count: trail.total })}</p>
          <ScrollRegion label={t('admin.audit.title')}>
            <table id="audit-trail">
              <caption class="visually-hidden">{t('admin.audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.time')}</th>
                  <th scope="col">{t('admin.audit.service')}</th>
                  <th scope="col">{t('admin.audit.change')}</th>
                  <th scope="col">{t('admin.audit.subject')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                </tr>
              </thead>
              <tbody>
                {page.length === 0 && <tr><td colSpan={5}>{t('admin.audit.none')}</td></tr>}
                {page.map((entry) => (
                  <tr key={`${entry.service}:${entry.eventId ?? ''}`}>
                    <th scope="row">{formatInstant(format, entry.time, zone)}</th>
                    <td>{t(SERVICE_NAMES[entry.service])}</td>
                    <td><span class="admin-type">{shortType(entry.type)}</span></td>
                    <td><Subject entry={entry} people={people.current} /></td>
                    <td><WhoText who={whoIs(entry.actor, people.current)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <nav class="pager" aria-label={t('admin.audit.pages')}>
            <button type="button" disabled={busy || index === 0} onClick={() => setIndex(index - 1)}>{t('admin.audit.newer')}</button>
            <span>{t('admin.audit.page', { page: index + 1 })}</span>
            <button type="button" disabled={busy || (index + 1 >= pages.length && !trail.more)}
              onClick={() => (index + 1 < pages.length ? setIndex(index + 1) : void loadMore(trail, pages))}>
              {t('admin.audit.older')}
            </button>
          </nav>
        </>
      )}
    </Page>
  );
}

function Subject({ entry, people }: { readonly entry: TrailEntry; readonly people: ReadonlyMap<string, Person | null> }) {
  if (entry.collection === 'people' || entry.collection === 'enrolments') return <WhoText who={whoIs(entry.subject, people)} />;
  return <span class="admin-id">{[entry.collection, entry.subject].filter(Boolean).join(' ')}</span>;
}

function WhoText({ who }: { readonly who: Who | null }) {
  if (!who) return null;
  switch (who.kind) {
    case 'named':
      return <>{who.name}</>;
    case 'erased':
      return <em>{t('admin.audit.erasedPerson')}</em>;
    case 'system':
      return <>{t('admin.audit.system')}</>;
    case 'anonymous':
      return <>{t('admin.audit.anonymous')}</>;
    case 'id':
      return <span class="admin-id">{who.id}</span>;
  }
}
