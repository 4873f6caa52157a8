// The back office's logic, kept apart from the screens so it can be tested: one newest-first audit trail
// merged from every service's own, names put to ids only where the coordinator may read the person, a
// day in the viewer's zone as the instants the audit API filters by, what erasure removes per service,
// and the template × language coverage table.
import { wallClockAsUtc } from '../../dates/format';
import type { Paged } from '../../ui/Pager';
import type { MessageKey } from '../../i18n/messages/en';
import type { AuditEntry, AuditService, CoverageReport, Person } from './api';

/** An audit entry with the service whose trail holds it. */
export interface TrailEntry extends AuditEntry {
  readonly service: AuditService;
}

export type FetchAuditPage = (service: AuditService, page: number, size: number) => Promise<Paged<AuditEntry>>;

/** Newest first; equal times by event id, descending, as each service sorts its own ("time", "_id"). */
export function newestFirst(a: TrailEntry, b: TrailEntry): number {
  const byTime = Date.parse(b.time ?? '') - Date.parse(a.time ?? '');
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return (b.eventId ?? '').localeCompare(a.eventId ?? '');
}

interface Cursor {
  readonly service: AuditService;
  buffer: TrailEntry[];
  nextPage: number;
  done: boolean;
}

/**
 * Every service's trail as one, page by page, newest first. A k-way merge: before a page of `size` is
 * taken, each service not yet read to its end holds at least `size` unread entries (its next pages are
 * fetched as needed), so no entry shown can be older than one not yet fetched. The caller fixes the time
 * window (an upper bound) so that new entries do not shift the pages while one reads them. A service that
 * cannot be read is left out and named in `failed`.
 */
export class MergedTrail {
  private readonly cursors: Cursor[];
  readonly failed = new Map<AuditService, unknown>();
  private totals = new Map<AuditService, number>();

  constructor(services: readonly AuditService[], private readonly size: number, private readonly fetchPage: FetchAuditPage) {
    this.cursors = services.map((service) => ({ service, buffer: [], nextPage: 0, done: false }));
  }

  /** The next `size` entries (fewer at the end). */
  async next(): Promise<TrailEntry[]> {
    await Promise.all(this.cursors.map((cursor) => this.fill(cursor)));
    const page: TrailEntry[] = [];
    while (page.length < this.size) {
      let newest: Cursor | null = null;
      for (const cursor of this.cursors) {
        const head = cursor.buffer[0];
        if (head && (!newest || newestFirst(head, newest.buffer[0]!) < 0)) newest = cursor;
      }
      if (!newest) break;
      page.push(newest.buffer.shift()!);
    }
    return page;
  }

  /** Whether anything is left to show. */
  get more(): boolean {
    return this.cursors.some((cursor) => cursor.buffer.length > 0 || !cursor.done);
  }

  /** Entries in all the trails read (each service's total as it answered). */
  get total(): number {
    let sum = 0;
    for (const value of this.totals.values()) sum += value;
    return sum;
  }

  private async fill(cursor: Cursor): Promise<void> {
    while (!cursor.done && cursor.buffer.length < this.size) {
      let answer: Paged<AuditEntry>;
      try {
        answer = await this.fetchPage(cursor.service, cursor.nextPage, this.size);
      } catch (failure) {
        this.failed.set(cursor.service, failure);
        cursor.done = true;
        return;
      }
      this.totals.set(cursor.service, answer.page.totalElements);
      cursor.buffer.push(...answer.content.map((entry) => ({ ...entry, service: cursor.service })));
      cursor.nextPage++;
      cursor.done = answer.content.length < this.size || cursor.nextPage >= answer.page.totalPages;
    }
  }
}

/** Collections whose aggregate ids are person ids (membership's people, identity's enrolment links). */
const PERSON_COLLECTIONS: ReadonlySet<string> = new Set(['people', 'enrolments']);
/** Actors that are no person (platform-kit's Actor). */
const NOT_PEOPLE: ReadonlySet<string> = new Set(['system', 'anonymous']);

/** The ids on a page worth asking membership about: every actor that may be a person, subjects that are people. */
export function personIdsOf(entries: readonly TrailEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.actor && !NOT_PEOPLE.has(entry.actor)) ids.add(entry.actor);
    if (entry.subject && entry.collection && PERSON_COLLECTIONS.has(entry.collection)) ids.add(entry.subject);
  }
  return [...ids];
}

/** What the audit view says for an id: a name, "erased person", a word for the system, or the id itself. */
export type Who =
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'erased' }
  | { readonly kind: 'system' }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'id'; readonly id: string };

/**
 * `people` holds what membership answered the coordinator for each id (null: nobody they may read). An
 * erased person is never named (their tombstone has no name anyway), nor is one without a name shown.
 */
export function whoIs(id: string | undefined, people: ReadonlyMap<string, Person | null>): Who | null {
  if (!id) return null;
  if (id === 'system') return { kind: 'system' };
  if (id === 'anonymous') return { kind: 'anonymous' };
  const person = people.get(id);
  if (person?.status === 'ERASED') return { kind: 'erased' };
  if (person?.displayName) return { kind: 'named', name: person.displayName };
  return { kind: 'id', id };
}

/** "org.civictaskforce.membership.person.erased" → "membership.person.erased" (and back for the filter). */
const TYPE_PREFIX = 'org.civictaskforce.';
export function shortType(type: string | undefined): string {
  if (!type) return '';
  return type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : type;
}
export function fullType(typed: string): string {
  const type = typed.trim();
  if (type === '' || type.startsWith(TYPE_PREFIX)) return type;
  return TYPE_PREFIX + type;
}

/** The instant a day ("2026-12-04") starts in a zone, as ISO; '' for no day. */
export function dayStart(day: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let instant = asUtc;
  // twice: the zone's offset at the guess, then at the corrected instant (a change of offset that day)
  for (let i = 0; i < 2; i++) instant = asUtc - (wallClockAsUtc(new Date(instant), zone).getTime() - instant);
  return new Date(instant).toISOString();
}

/** The day after ("2026-12-31" → "2027-01-01"): a range "to" a day includes it. */
export function nextDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1)).toISOString().slice(0, 10);
}

/**
 * What erasure removes, per service, in the words the screen shows. It follows what the services do on
 * PersonErased (docs/security.md, ErasureEverywhereIT): membership keeps an anonymous tombstone, the others
 * delete the person's data or keep shared work under an anonymous id.
 */
export const ERASURE_EFFECTS: readonly { readonly service: MessageKey; readonly effects: readonly MessageKey[] }[] = [
  { service: 'admin.erase.membership', effects: ['admin.erase.membership.profile', 'admin.erase.membership.meetings', 'admin.erase.membership.tombstone'] },
  { service: 'admin.erase.identity', effects: ['admin.erase.identity.account', 'admin.erase.identity.sessions'] },
  { service: 'admin.erase.notifications', effects: ['admin.erase.notifications.contacts', 'admin.erase.notifications.log'] },
  { service: 'admin.erase.research', effects: ['admin.erase.research.member', 'admin.erase.research.work'] },
  { service: 'admin.erase.strategy', effects: ['admin.erase.strategy.participant', 'admin.erase.strategy.work'] },
  { service: 'admin.erase.audit', effects: ['admin.erase.audit.ids'] },
];

/** One cell of the coverage table: complete, or missing (with the parts missing and what readers get instead). */
export type CoverageCell =
  | { readonly complete: true }
  | { readonly complete: false; readonly missingParts: readonly string[]; readonly fallsBackTo: string | null };

export interface CoverageTable {
  readonly languages: readonly string[];
  readonly rows: readonly { readonly template: string; readonly cells: readonly CoverageCell[] }[];
  /** per language: complete templates of all */
  readonly totals: readonly { readonly complete: number; readonly total: number }[];
}

/** The service's per-language report as a template × language table (a template it does not list: missing). */
export function coverageTable(report: CoverageReport): CoverageTable {
  const languages = (report.languages ?? []).map((coverage) => coverage.language ?? '');
  const templates = report.templates ?? [];
  const rows = templates.map((template) => ({
    template,
    cells: (report.languages ?? []).map((coverage): CoverageCell => {
      if ((coverage.completeTemplates ?? []).includes(template)) return { complete: true };
      const missing = (coverage.missing ?? []).find((m) => m.template === template);
      return { complete: false, missingParts: missing?.missingParts ?? [], fallsBackTo: missing?.fallsBackTo ?? null };
    }),
  }));
  const totals = (report.languages ?? []).map((coverage) => ({
    complete: coverage.complete ?? (coverage.completeTemplates ?? []).length,
    total: coverage.total ?? templates.length,
  }));
  return { languages, rows, totals };
}
