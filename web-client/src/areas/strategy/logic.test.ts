import { describe, expect, it } from 'vitest';
import {
  adoption, canEdit, canStartDraft, comparedPair, listItems, normalized, sectionText,
  withAction, withActionStatus, withEvidence, withRisk, withSectionText, without,
} from './logic';
import { compareVersions, sectionTexts, type TextWords } from './compare';
import type { Round, VersionView } from './api';

const draft: VersionView = { version: 2, status: 'DRAFT', basedOn: 1, content: { context: 'Civic space', goals: ['Open budgets'] } };
const adopted: VersionView = { version: 1, status: 'ADOPTED', content: { context: 'Civic space' } };
const NOW = new Date('2026-12-05T00:00:00Z');
const round = (r: Partial<Round>): Round => ({ subjectKind: 'STRATEGY_VERSION', subjectRef: '2', status: 'OPEN', deadline: '2026-12-06T00:00:00Z', ...r });

const WORDS: TextWords = {
  owner: (id) => ({ 'p-1': 'Aigul' } as Record<string, string>)[id] ?? id,
  status: (s) => s.toLowerCase(),
  due: 'due',
  reprisal: 'reprisal',
  mitigation: 'mitigation',
};

describe('what is offered', () => {
  it('offers a new draft to coordinators only, when no draft is open', () => {
    expect(canStartDraft(true, [])).toBe(true);
    expect(canStartDraft(true, [{ version: 1, status: 'ADOPTED' }])).toBe(true);
    expect(canStartDraft(true, [{ version: 1, status: 'ADOPTED' }, { version: 2, status: 'DRAFT' }])).toBe(false);
    expect(canStartDraft(false, [])).toBe(false);
  });

  it('offers editing to coordinators on a draft only: an adopted version is read-only', () => {
    expect(canEdit(true, draft)).toBe(true);
    expect(canEdit(true, adopted)).toBe(false);
    expect(canEdit(false, draft)).toBe(false);
  });

  it('offers adoption only once a round on this version has closed or passed its deadline', () => {
    expect(adoption(true, draft, [], NOW)).toEqual({ state: 'needsRound' });
    expect(adoption(true, draft, [round({})], NOW)).toEqual({ state: 'roundOpen', deadline: '2026-12-06T00:00:00Z' });
    expect(adoption(true, draft, [round({ status: 'CLOSED' })], NOW)).toEqual({ state: 'ready' });
    expect(adoption(true, draft, [round({ deadline: '2026-12-04T23:59:59Z' })], NOW)).toEqual({ state: 'ready' });
    // a round on another version or on a guide edition does not count
    expect(adoption(true, draft, [round({ subjectRef: '1', status: 'CLOSED' }), round({ subjectKind: 'GUIDE_EDITION', subjectRef: '2', status: 'CLOSED' })], NOW))
      .toEqual({ state: 'needsRound' });
    expect(adoption(false, draft, [round({ status: 'CLOSED' })], NOW)).toEqual({ state: 'hidden' });
    expect(adoption(true, adopted, [round({ subjectRef: '1', status: 'CLOSED' })], NOW)).toEqual({ state: 'hidden' });
  });

  it('compares the two versions named, else the latest with the one before', () => {
    const versions = [{ version: 1 }, { version: 2 }, { version: 3 }];
    expect(comparedPair(versions, '1', '3')).toEqual([1, 3]);
    expect(comparedPair(versions, '3', '1')).toEqual([3, 1]);
    expect(comparedPair(versions)).toEqual([2, 3]);
    expect(comparedPair(versions, '1', '9')).toEqual([2, 3]);
    expect(comparedPair([{ version: 1 }])).toBeNull();
  });
});

describe('editing the content', () => {
  it('fills what an answer leaves out', () => {
    expect(normalized({ actions: [{ text: 'Brief' }], risks: [{ description: 'x' }] })).toEqual({
      context: '', goals: [], targetInstitutions: [], objectives: [], indicators: [], evidence: [],
      actions: [{ text: 'Brief', ownerId: '', due: '', status: 'PLANNED' }],
      risks: [{ description: 'x', mitigation: '', reprisal: false }],
    });
  });

  it('edits the context as Markdown and a list one item per line', () => {
    const c = normalized(draft.content);
    expect(sectionText(c, 'goals')).toBe('Open budgets');
    expect(withSectionText(c, 'context', '# Title\n\ntext').context).toBe('# Title\n\ntext');
    const goals = withSectionText(c, 'goals', '  Open budgets \n\n**Safe** participation\r\n');
    expect(goals.goals).toEqual(['Open budgets', '**Safe** participation']);
    expect(goals.context).toBe('Civic space');
    expect(listItems('\n \n')).toEqual([]);
  });

  it('adds, changes and removes actions and risks without touching the rest', () => {
    const c = normalized(draft.content);
    const withOne = withAction(c, { text: 'Brief the EBRD', ownerId: 'p-1', due: '2027-03-01', status: 'PLANNED' });
    const started = withActionStatus(withOne, 0, 'IN_PROGRESS');
    expect(started.actions).toEqual([{ text: 'Brief the EBRD', ownerId: 'p-1', due: '2027-03-01', status: 'IN_PROGRESS' }]);
    expect(withOne.actions[0]!.status).toBe('PLANNED');
    expect(without(started, 'actions', 0).actions).toEqual([]);
    const risky = withRisk(c, { description: 'Reprisals', mitigation: 'Anonymous comments', reprisal: true });
    expect(risky.risks).toHaveLength(1);
    expect(without(risky, 'risks', 0).risks).toEqual([]);
    expect(risky.goals).toEqual(['Open budgets']);
  });

  it('sets the evidence to the findings chosen, keeping links to findings no longer offered', () => {
    const c = { ...normalized(draft.content), evidence: ['old', 'f-1'] };
    expect(withEvidence(c, new Set(['f-2']), ['f-1', 'f-2']).evidence).toEqual(['old', 'f-2']);
    expect(withEvidence(c, new Set(['f-1', 'f-2']), ['f-1', 'f-2']).evidence).toEqual(['old', 'f-1', 'f-2']);
  });
});

describe('comparing versions', () => {
  it('writes each section as text with names and words instead of ids and codes', () => {
    const c = normalized({
      actions: [{ text: 'Brief', ownerId: 'p-1', due: '2027-03-01', status: 'DONE' }],
      risks: [{ description: 'Arrest', mitigation: 'No names', reprisal: true }, { description: 'Delay', mitigation: 'Plan', reprisal: false }],
    });
    const texts = sectionTexts(c, WORDS);
    expect(texts.actions).toBe('Brief (Aigul; due 2027-03-01; done)');
    expect(texts.risks).toBe('[reprisal] Arrest (mitigation: No names)\nDelay (mitigation: Plan)');
  });

  it('marks the sections that changed and the words in them', () => {
    const older = normalized({ context: 'Civic space in three countries', goals: ['Open budgets'] });
    const newer = normalized({ context: 'Civic space in four countries', goals: ['Open budgets'], indicators: ['Four countries commented'] });
    const diffs = compareVersions(older, newer, WORDS);
    expect(diffs.map((d) => d.key)).toEqual(['context', 'goals', 'targetInstitutions', 'objectives', 'actions', 'indicators', 'risks', 'evidence']);
    expect(diffs.filter((d) => d.changed).map((d) => d.key)).toEqual(['context', 'indicators']);
    expect(diffs[0]!.parts).toEqual([
      { op: 'same', text: 'Civic space in ' }, { op: 'removed', text: 'three ' }, { op: 'added', text: 'four ' }, { op: 'same', text: 'countries' },
    ]);
  });
});
