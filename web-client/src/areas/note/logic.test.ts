import { describe, expect, it } from 'vitest';
import { changeRows, findingsOf, kilobytes, publishOffered } from './logic';
import { fileNameOf } from '../../api/download';
import { downloadPath, fallbackName, type InstitutionPart } from './api';

const part = (statement: string, version: number): InstitutionPart[] => [{
  id: 'wb', name: 'World Bank',
  countries: [{ code: 'KZ', name: 'Kazakhstan', findings: [{ findingId: 'f-1', statement, version }] }],
}];

describe('what changed between two versions', () => {
  it('shows a changed finding\'s statement with the words compared, and where it sits', () => {
    const rows = changeRows(
      { previousNumber: 1, changed: [{ findingId: 'f-1', fromVersion: 1, toVersion: 2, institutionId: 'wb', country: 'KZ', what: ['statement'] }] },
      findingsOf(part('Банк раскрыл оценку қоғамдық пікір', 2)), findingsOf(part('Банк не раскрыл оценку', 1)));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.kind).toBe('changed');
    expect(row.where).toBe('World Bank — Kazakhstan');
    if (row.kind !== 'changed') throw new Error('changed');
    expect(row.statement.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['не']);
    expect(row.statement.filter((p) => p.op === 'added').map((p) => p.text.trim()).join(' ')).toContain('қоғамдық пікір');
  });

  it('lists added findings with their statement from this version and removed ones from the one before', () => {
    const rows = changeRows(
      { previousNumber: 1, added: [{ findingId: 'f-1', institutionId: 'wb', country: 'KZ' }], removed: [{ findingId: 'f-9', institutionId: 'ebrd', country: 'KG' }] },
      findingsOf(part('New', 1)), new Map());
    expect(rows.map((row) => [row.kind, row.where])).toEqual([['added', 'World Bank — Kazakhstan'], ['removed', 'ebrd — KG']]);
    expect(rows[0]!.kind === 'added' && rows[0]!.statement).toBe('New');
  });

  it('has no rows without changes', () => {
    expect(changeRows(undefined, new Map(), new Map())).toEqual([]);
  });
});

describe('publishing and downloading', () => {
  it('offers publishing to coordinators only, when there are findings and something changed', () => {
    expect(publishOffered(['coordinator'], { findings: 2, changes: { empty: false } })).toBe(true);
    expect(publishOffered(['coordinator'], { findings: 2 })).toBe(true);
    expect(publishOffered(['coordinator'], { findings: 0 })).toBe(false);
    expect(publishOffered(['coordinator'], { findings: 2, changes: { empty: true } })).toBe(false);
    expect(publishOffered(['expert', 'member'], { findings: 2 })).toBe(false);
  });

  it('names files as the service does, and takes the service\'s name when it gives one', () => {
    expect(downloadPath(2, 'pdf')).toBe('/api/research/note/versions/2?format=pdf');
    expect(downloadPath('draft', 'md')).toBe('/api/research/note/draft?format=md');
    expect(fallbackName(3, 'docx')).toBe('analytical-note-v3.docx');
    expect(fileNameOf('attachment; filename="analytical-note-v2.pdf"', 'x')).toBe('analytical-note-v2.pdf');
    expect(fileNameOf("attachment; filename*=UTF-8''%D0%B7%D0%B0%D0%BF%D0%B8%D1%81%D0%BA%D0%B0.pdf", 'x')).toBe('записка.pdf');
    expect(fileNameOf('attachment; filename="../../etc/passwd"', 'safe.pdf')).toBe('safe.pdf');
    expect(fileNameOf(null, 'safe.pdf')).toBe('safe.pdf');
  });

  it('says sizes in kilobytes', () => {
    expect(kilobytes(1536)).toBe('1.5');
    expect(kilobytes(300 * 1024)).toBe('300');
  });
});
