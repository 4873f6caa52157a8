import { describe, expect, it } from 'vitest';
import { correction } from './Profile';

describe('the correction sent for my profile', () => {
  const loaded = { displayName: 'Aida', fullName: 'Aida K.', email: 'aida@example.org', languages: ['ky', 'ru'] };

  it('sends only what changed, an emptied full name as ""', () => {
    expect(correction(loaded, { ...loaded })).toEqual({});
    expect(correction(loaded, { ...loaded, fullName: '', languages: ['ky'] })).toEqual({ fullName: '', languages: ['ky'] });
  });

  it('reads fields left out of the answer as empty, so an untouched form sends nothing', () => {
    // the service leaves out nulls: no full name and no languages come as no key at all
    const sparse = { displayName: 'Aida', email: 'aida@example.org' };
    expect(correction(sparse, { ...sparse, fullName: '', languages: [] })).toEqual({});
    expect(correction(sparse, { ...sparse, languages: ['kk'] })).toEqual({ languages: ['kk'] });
  });
});
