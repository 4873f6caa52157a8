import { describe, expect, it } from 'vitest';
import type { Paged } from '../../ui/Pager';
import type { AuditEntry, AuditService, Person } from './api';
import { MergedTrail, coverageTable, dayStart, fullType, nextDay, personIdsOf, shortType, whoIs, type TrailEntry } from './logic';

/** A service's trail as its API pages it: newest first, pages of `size`. */
function trailOf(entries: readonly AuditEntry[]) {
  const sorted = [...entries].sort((a, b) => Date.parse(b.time!) - Date.parse(a.time!));
  const calls: number[] = [];
  const fetch = async (page: number, size: number): Promise<Paged<AuditEntry>> => {
    calls.push(page);
    return {
      content: sorted.slice(page * size, page * size + size),
      page: { number: page, size, totalElements: sorted.length, totalPages: Math.ceil(sorted.length / size) },
    };
  };
  return { fetch, calls };
}

const at = (minute: number, id: string, extra: Partial<AuditEntry> = {}): AuditEntry =>
  ({ eventId: id, time: new Date(Date.UTC(2026, 11, 4, 10, minute)).toISOString(), type: 'x', ...extra });

describe('the merged audit trail', () => {
  it('pages every service\'s trail as one, newest first, none lost or repeated', async () => {
    // membership changes often early, research late: a naive "first page of each" would misorder them
    const membership = trailOf([0, 1, 2, 3, 4, 5, 6].map((m) => at(m, `m${m}`)));
    const research = trailOf([30, 31, 32, 33].map((m) => at(m, `r${m}`)));
    const trail = new MergedTrail(['membership', 'research'], 3, (service, page, size) =>
      (service === 'membership' ? membership : research).fetch(page, size));

    const shown: string[] = [];
    while (trail.more) {
      const page = await trail.next();
      expect(page.length).toBeLessThanOrEqual(3);
      shown.push(...page.map((entry) => `${entry.service}:${entry.eventId!}`));
    }
    expect(shown).toEqual(['research:r33', 'research:r32', 'research:r31', 'research:r30',
      'membership:m6', 'membership:m5', 'membership:m4', 'membership:m3', 'membership:m2', 'membership:m1', 'membership:m0']);
    expect(trail.total).toBe(11);
    // each service page asked once
    expect(membership.calls).toEqual([0, 1, 2]);
    expect(research.calls).toEqual([0, 1]);
  });

  it('leaves out a service that cannot be read, names it, and shows the others', async () => {
    const membership = trailOf([at(1, 'm1')]);
    const trail = new MergedTrail(['membership', 'identity'], 20, (service: AuditService, page, size) =>
      service === 'identity' ? Promise.reject(new Error('down')) : membership.fetch(page, size));
    const page = await trail.next();
    expect(page.map((entry) => entry.eventId)).toEqual(['m1']);
    expect([...trail.failed.keys()]).toEqual(['identity']);
    expect(trail.more).toBe(false);
  });
});

describe('names in the audit trail', () => {
  const entries: TrailEntry[] = [
    { service: 'membership', actor: 'coord-1', subject: 'p-erased', collection: 'people' },
    { service: 'membership', actor: 'system', subject: 'meeting-1', collection: 'meetings' },
    { service: 'identity', actor: 'anonymous', subject: 'account-9', collection: 'accounts' },
    { service: 'identity', actor: 'coord-1', subject: 'p-2', collection: 'enrolments' },
  ];

  it('asks membership only about actors and subjects that are people', () => {
    expect(personIdsOf(entries)).toEqual(['coord-1', 'p-erased', 'p-2']);
  });

  it('names a person the coordinator may read, never an erased one, and shows other ids as ids', () => {
    const people = new Map<string, Person | null>([
      ['coord-1', { id: 'coord-1', displayName: 'Dana', status: 'ACTIVE' }],
      ['p-erased', { id: 'p-erased', status: 'ERASED', displayName: 'should never show' }],
      ['p-2', null],
    ]);
    expect(whoIs('coord-1', people)).toEqual({ kind: 'named', name: 'Dana' });
    expect(whoIs('p-erased', people)).toEqual({ kind: 'erased' });
    expect(whoIs('p-2', people)).toEqual({ kind: 'id', id: 'p-2' });
    expect(whoIs('system', people)).toEqual({ kind: 'system' });
    expect(whoIs('anonymous', people)).toEqual({ kind: 'anonymous' });
    expect(whoIs(undefined, people)).toBeNull();
  });
});

describe('filters of the audit trail', () => {
  it('reads a day in the viewer\'s zone as the instant it starts there', () => {
    expect(dayStart('2026-12-04', 'Asia/Bishkek')).toBe('2026-12-03T18:00:00.000Z');
    expect(dayStart('2026-12-04', 'UTC')).toBe('2026-12-04T00:00:00.000Z');
    expect(dayStart('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
    expect(dayStart('', 'UTC')).toBe('');
    expect(dayStart('4.12.2026', 'UTC')).toBe('');
  });

  it('ends a range after its last day', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('shows types without the common prefix and accepts them so', () => {
    expect(shortType('org.civictaskforce.membership.person.erased')).toBe('membership.person.erased');
    expect(fullType('membership.person.erased')).toBe('org.civictaskforce.membership.person.erased');
    expect(fullType(' org.civictaskforce.research.finding.accepted ')).toBe('org.civictaskforce.research.finding.accepted');
    expect(fullType('')).toBe('');
  });
});

describe('the template coverage table', () => {
  it('has a cell per template and language, a missing one with its fallback', () => {
    const table = coverageTable({
      templates: ['member-invited', 'meeting-cancelled'],
      languages: [
        { language: 'en', complete: 2, total: 2, completeTemplates: ['member-invited', 'meeting-cancelled'], missing: [] },
        { language: 'tk', complete: 1, total: 2, completeTemplates: ['member-invited'],
          missing: [{ template: 'meeting-cancelled', missingParts: ['html'], fallsBackTo: 'ru' }] },
      ],
    });
    expect(table.languages).toEqual(['en', 'tk']);
    expect(table.rows[1]).toEqual({ template: 'meeting-cancelled', cells: [
      { complete: true },
      { complete: false, missingParts: ['html'], fallsBackTo: 'ru' },
    ] });
    expect(table.totals).toEqual([{ complete: 2, total: 2 }, { complete: 1, total: 2 }]);
  });
});
