// The back office's calls, one function per call: every service's audit trail (GET /api/<service>/audit,
// the service's own /admin/audit routed by the gateway, coordinators only), membership's people (to find
// someone to erase and to put names to ids), the erasure itself (the people area's command), and
// notification-service's delivery log and template coverage. The audit trail is not in the services'
// OpenAPI documents (they leave /admin/** out), so its entry is typed here after platform-kit's AuditEntry.
import { request } from '../../api/http';
import { pagedOf } from '../../api/paged';
import { ApiError } from '../../api/problems';
import type * as notification from '../../api/schema/notification';
import type { Paged } from '../../ui/Pager';
import { getPerson, type Person } from '../people/api';

export { listPeople, personCommand, type Person } from '../people/api';

/** The services that keep an audit trail, as the gateway names them in /api/<service>/. */
export const AUDIT_SERVICES = ['membership', 'research', 'strategy', 'notifications', 'identity'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

/** One change as a service's audit trail keeps it: ids only, never personal data (platform-kit AuditEntry). */
export interface AuditEntry {
  readonly eventId?: string;
  readonly type?: string;
  readonly source?: string;
  readonly subject?: string;
  readonly collection?: string;
  readonly time?: string;
  readonly correlationId?: string;
  readonly actor?: string;
  readonly recordedAt?: string;
}

export interface AuditQuery {
  readonly type?: string;
  readonly subject?: string;
  /** ISO instants; from inclusive, to exclusive */
  readonly from?: string;
  readonly to?: string;
}

/** The query string of an audit call: empty criteria left out, then page and size. */
export function auditQuery(query: AuditQuery, page: number, size: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  params.set('page', String(page));
  params.set('size', String(size));
  return params.toString();
}

export async function auditPage(service: AuditService, query: AuditQuery, page: number, size: number): Promise<Paged<AuditEntry>> {
  const answer = await request<{ content?: AuditEntry[]; page?: Paged<AuditEntry>['page'] }>('GET',
    `/api/${service}/audit?${auditQuery(query, page, size)}`);
  return pagedOf(answer ?? {});
}

/**
 * A person as the coordinator may see them, or null when the id names nobody the coordinator can read
 * (not a person, or refused). An erased person comes back as the tombstone (status ERASED, no name).
 */
export async function findPerson(id: string): Promise<Person | null> {
  try {
    return await getPerson(id);
  } catch (failure) {
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 403 || failure.status === 400)) return null;
    throw failure;
  }
}

type NotificationSchemas = notification.components['schemas'];
export type DeliveryLogEntry = NotificationSchemas['DeliveryLogEntry'];
export type ChannelDelivery = NotificationSchemas['ChannelDelivery'];
export type CoverageReport = NotificationSchemas['CoverageReport'];

export async function deliveries(page: number, size: number): Promise<Paged<DeliveryLogEntry>> {
  const answer = await request<NotificationSchemas['DeliveryLogPage']>('GET', `/api/notifications/deliveries?page=${page}&size=${size}`);
  return pagedOf(answer ?? {});
}

export async function templateCoverage(): Promise<CoverageReport> {
  return (await request<CoverageReport>('GET', '/api/notifications/templates/coverage')) ?? {};
}
