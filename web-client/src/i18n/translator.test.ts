import { describe, expect, it } from 'vitest';
import { Translator } from './translator';
import { ru } from './messages/ru';

describe('Translator', () => {
  it('falls back per key: a key missing in ky comes from ru, one missing in ru too from en', () => {
    const partialRu = { ...ru } as Record<string, string>;
    delete partialRu['rsvp.maybe'];
    const translator = new Translator('ky', { ky: { 'rsvp.yes': 'Ооба' }, ru: partialRu });
    expect(translator.t('rsvp.yes')).toBe('Ооба');
    expect(translator.t('rsvp.no')).toBe('Нет');
    expect(translator.sourceOf('rsvp.no')).toBe('ru');
    expect(translator.t('rsvp.maybe')).toBe('Maybe');
    expect(translator.sourceOf('rsvp.maybe')).toBe('en');
  });

  it('uses Russian plural forms one/few/many', () => {
    const translator = new Translator('ru', { ru });
    expect(translator.t('people.count', { count: 1 })).toBe('1 человек');
    expect(translator.t('people.count', { count: 3 })).toBe('3 человека');
    expect(translator.t('people.count', { count: 5 })).toBe('5 человек');
    expect(translator.t('inbox.unread', { count: 22 })).toBe('22 непрочитанных сообщения');
    expect(translator.t('inbox.unread', { count: 0 })).toBe('Непрочитанных сообщений нет');
  });

  it('uses English plural forms one/other', () => {
    const translator = new Translator('en', {});
    expect(translator.t('meetings.participants', { count: 1 })).toBe('1 participant');
    expect(translator.t('meetings.participants', { count: 2 })).toBe('2 participants');
  });
});
