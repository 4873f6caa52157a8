import { describe, expect, it } from 'vitest';
import { actionsFor, confirmsErasure, organisationActionsFor, personActions, personStatusKey, tagsOf } from './lifecycle';
import { listQuery } from './api';

describe('what a coordinator is offered for a person', () => {
  it.each([
    ['CANDIDATE', false, ['invite', 'erase']],
    ['DECLINED', false, ['invite', 'erase']],
    ['INVITED', false, ['enrolmentLink', 'erase']],
    ['ACCEPTED', false, ['enrolmentLink', 'remove', 'erase']],
    ['ACCEPTED', true, ['enrolmentLink', 'activate', 'remove', 'erase']],
    ['ACTIVE', true, ['enrolmentLink', 'remove', 'erase']],
    ['LEFT', true, ['erase']],
    ['REMOVED', true, ['erase']],
    ['ERASED', false, []],
  ] as const)('%s (consent %s): %j', (status, consent, expected) => {
    expect(actionsFor(status, consent)).toEqual(expected);
  });

  it('never offers an invitation to someone already invited or active', () => {
    for (const status of ['INVITED', 'ACCEPTED', 'ACTIVE', 'LEFT', 'REMOVED', 'ERASED'] as const) {
      expect(actionsFor(status, true)).not.toContain('invite');
    }
  });

  it('offers nothing when the answer has no status (a protected person\'s public view)', () => {
    expect(personActions({ id: 'p-1', displayName: 'Aigul', protectedIdentity: true })).toEqual([]);
  });

  it('reads consent from the single read', () => {
    const accepted = { id: 'p-1', status: 'ACCEPTED' as const };
    expect(personActions(accepted)).not.toContain('activate');
    expect(personActions({ ...accepted, consent: { noticeVersion: '2026-01', agreedTo: ['membership'], agreedAt: '2026-12-01T10:00:00Z' } }))
      .toContain('activate');
  });

  it('names erased people with the area\'s own key and others with the shared status keys', () => {
    expect(personStatusKey('ERASED')).toBe('people.status.erased');
    expect(personStatusKey('ACTIVE')).toBe('status.active');
  });
});

describe('what a coordinator is offered for an organisation', () => {
  it.each([
    ['CANDIDATE', ['invite']],
    ['INVITED', ['join', 'withdraw']],
    ['MEMBER', ['withdraw']],
    ['WITHDRAWN', []],
  ] as const)('%s: %j', (status, expected) => {
    expect(organisationActionsFor(status)).toEqual(expected);
  });
});

describe('the typed confirmation of an erasure', () => {
  it('needs the word shown, ignoring case and spaces around it', () => {
    expect(confirmsErasure('', 'ERASE')).toBe(false);
    expect(confirmsErasure('ERAS', 'ERASE')).toBe(false);
    expect(confirmsErasure(' erase ', 'ERASE')).toBe(true);
    expect(confirmsErasure('удалить', 'УДАЛИТЬ')).toBe(true);
    expect(confirmsErasure('', '')).toBe(false);
    // Uzbek's oʻ typed with a plain apostrophe
    expect(confirmsErasure("o'chirish", 'OʻCHIRISH')).toBe(true);
  });
});

describe('list queries and tags', () => {
  it('leaves out empty filters and always sends page and size', () => {
    expect(listQuery({ q: ' ai ', country: '', status: 'ACTIVE', role: undefined }, 2)).toBe('q=ai&status=ACTIVE&page=2&size=20');
  });

  it('splits focus areas on commas, once each', () => {
    expect(tagsOf('media, fatf,,media ;  labour')).toEqual(['media', 'fatf', 'labour']);
  });
});
