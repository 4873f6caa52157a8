import { describe, expect, it } from 'vitest';
import {
  canPublish, completenessRows, diffLines, languageName, myLanguages, sectionStatus, statusCounts, STATUS_LOOK,
  STATUSES, targetLanguages, toStatus, translationActions,
} from './logic';
import type { Guide } from './api';

const guide: Guide = {
  id: 'ifi-advocacy',
  sourceLanguage: 'ru',
  targetLanguages: ['kk', 'ky', 'tg', 'tk', 'uz', 'en'],
  sections: [
    { key: 'intro', title: 'Введение', body: 'Строка', revision: 2, translations: { ky: { status: 'STALE', basedOnRevision: 1 }, kk: { status: 'APPROVED', basedOnRevision: 2 } } },
    { key: 'ifis', title: 'МФИ', body: 'Текст', revision: 1, translations: { ky: { status: 'IN_REVIEW', basedOnRevision: 1 }, kk: { status: 'APPROVED', basedOnRevision: 1 } } },
    { key: 'risks', title: 'Риски', body: 'Текст', revision: 1, translations: { ky: { status: 'MISSING' } } },
  ],
};

describe('a section\'s status', () => {
  it('reads the status the guide answers per language, and an unknown or absent one as missing', () => {
    expect(sectionStatus(guide.sections![0]!, 'ky')).toBe('STALE');
    expect(sectionStatus(guide.sections![1]!, 'ky')).toBe('IN_REVIEW');
    expect(sectionStatus(guide.sections![2]!, 'kk')).toBe('MISSING');
    expect(toStatus('PUBLISHED')).toBe('MISSING');
  });

  it('has a different mark and words for every status, so that colour is never the only sign', () => {
    const marks = STATUSES.map((s) => STATUS_LOOK[s].mark);
    expect(new Set(marks).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => STATUS_LOOK[s].label)).size).toBe(STATUSES.length);
    expect(STATUS_LOOK.IN_REVIEW.label).toBe('guide.status.submitted');
  });

  it('counts the sections of a language by status', () => {
    expect(statusCounts(guide, 'ky')).toEqual({ MISSING: 1, DRAFT: 0, IN_REVIEW: 1, APPROVED: 0, STALE: 1 });
    expect(statusCounts(guide, 'kk')).toEqual({ MISSING: 1, DRAFT: 0, IN_REVIEW: 0, APPROVED: 2, STALE: 0 });
  });
});

describe('who translates what', () => {
  const translators = { ky: ['p-aigul', 'p-other'], kk: ['p-other'], tg: [] };

  it('gives a translator the languages they are assigned to', () => {
    expect(myLanguages(translators, 'p-aigul', ['translator'])).toEqual(['ky']);
    expect(myLanguages(translators, 'p-other', ['translator', 'member'])).toEqual(['ky', 'kk']);
  });

  it('gives nobody a language without the translator role (the service asks for both)', () => {
    expect(myLanguages(translators, 'p-aigul', ['coordinator'])).toEqual([]);
    expect(myLanguages(translators, null, ['translator'])).toEqual([]);
  });
});

describe('what a translation offers', () => {
  const translator = { translates: true, coordinates: false };
  const coordinator = { translates: false, coordinates: true };

  it('lets its translator write in any status and submit a saved draft only', () => {
    expect(translationActions('MISSING', translator, false)).toEqual(['save']);
    expect(translationActions('DRAFT', translator, false)).toEqual(['save', 'submit']);
    expect(translationActions('DRAFT', translator, true)).toEqual(['save']);
    expect(translationActions('STALE', translator, false)).toEqual(['save']);
    expect(translationActions('IN_REVIEW', translator, false)).toEqual(['save']);
  });

  it('lets a coordinator approve or return only what is in review', () => {
    expect(translationActions('IN_REVIEW', coordinator, false)).toEqual(['approve', 'return']);
    for (const status of ['MISSING', 'DRAFT', 'APPROVED', 'STALE'] as const) {
      expect(translationActions(status, coordinator, false)).toEqual([]);
    }
  });

  it('offers a reader nothing', () => {
    expect(translationActions('IN_REVIEW', { translates: false, coordinates: false }, false)).toEqual([]);
  });
});

describe('completeness and publishing', () => {
  const rows = completenessRows([
    { language: 'ky', approved: 1, total: 3, stale: 1, complete: false, lastEdition: 0 },
    { language: 'kk', approved: 3, total: 3, stale: 0, complete: true, lastEdition: 2 },
    { language: 'tg', total: 0, complete: false },
  ]);

  it('maps each language to its numbers and a whole percent', () => {
    expect(rows.map((r) => [r.language, r.approved, r.total, r.stale, r.percent, r.lastEdition])).toEqual([
      ['ky', 1, 3, 1, 33, 0], ['kk', 3, 3, 0, 100, 2], ['tg', 0, 0, 0, 0, 0],
    ]);
  });

  it('offers publishing only to coordinators and only for a language the service calls complete', () => {
    expect(rows.map((r) => canPublish(r, true))).toEqual([false, true, false]);
    expect(canPublish(rows[1]!, false)).toBe(false);
  });
});

describe('the source\'s change', () => {
  it('marks removed and added lines and keeps the rest', () => {
    expect(diffLines([{ op: 'SAME', text: 'Введение' }, { op: 'REMOVED', text: 'Строка два' }, { op: 'ADDED', text: 'Строка 2' }, { op: 'X' }]))
      .toEqual([{ op: 'same', text: 'Введение' }, { op: 'removed', text: 'Строка два' }, { op: 'added', text: 'Строка 2' }, { op: 'same', text: '' }]);
  });
});

describe('languages', () => {
  it('names a language in itself and leaves the source out of the targets', () => {
    expect(languageName('ky')).toBe('Кыргызча');
    expect(languageName('de')).toBe('de');
    expect(targetLanguages({ sourceLanguage: 'en', targetLanguages: ['kk', 'en', 'ru'] })).toEqual(['kk', 'ru']);
  });
});
