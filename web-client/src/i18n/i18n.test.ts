import { describe, expect, it } from 'vitest';
import { loadParts, switchLanguage, t, translator } from './i18n';

describe('languages and the areas\' catalogue parts', () => {
  it('keeps an area\'s messages when the area is opened while the first language is still loading', async () => {
    // the shell starts in English and switches to Russian; the note area asks for its part meanwhile
    const switching = switchLanguage('ru');
    const opening = loadParts(['note']);
    await Promise.all([switching, opening]);
    expect(translator.value.language).toBe('ru');
    expect(t('note.title')).toBe('Аналитическая записка');
    expect(t('nav.note')).toBe('Записка');
  });

  it('brings the loaded parts along to a language chosen later, and in the other order too', async () => {
    const opening = loadParts(['research']);
    const switching = switchLanguage('kk');
    await Promise.all([opening, switching]);
    expect(t('research.title')).toBe('Зерттеу');
    expect(t('note.title')).toBe('Талдамалық жазба');
    await switchLanguage('en');
    expect(t('note.title')).toBe('Analytical note');
  });
});
