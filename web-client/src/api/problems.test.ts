import { describe, expect, it } from 'vitest';
import { ApiError, problemMessage, problemMessageKey } from './problems';
import { Translator } from '../i18n/translator';
import { ru } from '../i18n/messages/ru';

describe('problem details to words', () => {
  it.each([400, 401, 403, 404, 409, 422, 429, 500, 503])('maps %i to its own message', (status) => {
    expect(problemMessageKey(new ApiError(status, { status }, null))).toBe(`error.${status}`);
  });

  it('maps other statuses to the nearest message', () => {
    expect(problemMessageKey(new ApiError(502, null, null))).toBe('error.503');
    expect(problemMessageKey(new ApiError(501, null, null))).toBe('error.500');
    expect(problemMessageKey(new ApiError(413, null, null))).toBe('error.400');
    expect(problemMessageKey(new ApiError(0, null, null, true))).toBe('error.offline');
    expect(problemMessageKey(new Error('x'))).toBe('error.unknown');
  });

  it('never shows the service\'s own English title or detail, and adds the reference', () => {
    const translator = new Translator('ru', { ru });
    const error = new ApiError(403, { status: 403, title: 'Forbidden', detail: 'role coordinator required' }, 'c-42');
    const text = problemMessage(error, (key, values) => translator.t(key, values));
    expect(text).toBe('У вас нет прав на это действие. Номер обращения: c-42');
    expect(text).not.toMatch(/Forbidden|coordinator|403/);
  });
});
