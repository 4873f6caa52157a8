import { describe, expect, it } from 'vitest';
import { toRequest } from './Preferences';

describe('the preferences sent', () => {
  it('leaves out what has no value: equal quiet hours, the profile\'s zone, a digest time never set', () => {
    expect(toRequest({ channels: { EMAIL: false }, emailCadence: 'IMMEDIATE', quietHours: { from: '22:00', to: '22:00' }, timeZone: '' }))
      .toEqual({ channels: { EMAIL: false }, emailCadence: 'IMMEDIATE' });
  });

  it('sends a daily digest at 08:00 unless a time is given, with the quiet hours and zone chosen', () => {
    expect(toRequest({ emailCadence: 'DAILY_DIGEST', digestTime: '', quietHours: { from: '22:00', to: '07:00' }, timeZone: 'Asia/Bishkek' }))
      .toEqual({ emailCadence: 'DAILY_DIGEST', digestTime: '08:00', quietHours: { from: '22:00', to: '07:00' }, timeZone: 'Asia/Bishkek' });
    expect(toRequest({ emailCadence: 'DAILY_DIGEST', digestTime: '19:30' }).digestTime).toBe('19:30');
  });
});
