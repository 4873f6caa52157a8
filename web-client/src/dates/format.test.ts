import { describe, expect, it } from 'vitest';
import { dateTimeFormatter, meetingTime, wallClockAsUtc } from './format';
import { CENTRAL_ASIAN_ZONES, zoneChoices, zoneCity } from './zones';

// 20 December 2026, 09:30 UTC = 15:30 in Bishkek (UTC+6), 14:30 in Dushanbe and Ashgabat (UTC+5)
const instant = new Date(Date.UTC(2026, 11, 20, 9, 30));

describe('date formatting through the polyfill (the path Debian Chromium takes for ky, tg, tk, kk, uz)', () => {
  it('writes real Kyrgyz month names', async () => {
    const format = await dateTimeFormatter('ky', true);
    const text = format(instant, 'Asia/Bishkek');
    expect(text).toContain('декабрь');
    expect(text).toContain('15:30');
    expect(text).not.toMatch(/M12|December/);
  });

  it('writes real Tajik month names', async () => {
    const format = await dateTimeFormatter('tg', true);
    const text = format(instant, 'Asia/Dushanbe');
    expect(text).toMatch(/Декабр/);
    expect(text).toContain('14:30');
  });

  it('writes real Turkmen month names', async () => {
    const format = await dateTimeFormatter('tk', true);
    const text = format(instant, 'Asia/Ashgabat');
    expect(text).toContain('dekabr');
    expect(text).toContain('14:30');
  });

  it('writes Kazakh and Uzbek months, not "M12"', async () => {
    expect((await dateTimeFormatter('kk', true))(instant, 'Asia/Almaty')).toContain('желтоқсан');
    expect((await dateTimeFormatter('uz', true))(instant, 'Asia/Tashkent')).toContain('dekabr');
  });
});

describe('meeting times', () => {
  it('shows the viewer\'s time with the meeting\'s zone beside it when they differ', async () => {
    const format = await dateTimeFormatter('en');
    const shown = meetingTime(format, instant, 'Asia/Bishkek', 'Europe/Berlin');
    expect(shown.local).toContain('10:30');
    expect(shown.meeting).toContain('3:30');
  });

  it('shows one time when the zones agree', async () => {
    const format = await dateTimeFormatter('en');
    expect(meetingTime(format, instant, 'Asia/Bishkek', 'Asia/Bishkek').meeting).toBeNull();
  });

  it('computes a zone\'s wall clock across a daylight-saving change', () => {
    const summer = wallClockAsUtc(new Date(Date.UTC(2026, 6, 1, 12, 0)), 'Europe/Berlin');
    const winter = wallClockAsUtc(new Date(Date.UTC(2026, 0, 1, 12, 0)), 'Europe/Berlin');
    expect(summer.getUTCHours()).toBe(14);
    expect(winter.getUTCHours()).toBe(13);
  });
});

describe('time zone choices', () => {
  it('lists the Central Asian zones first, in order, then the rest sorted, each once', () => {
    const choices = zoneChoices(['Europe/Berlin', 'Asia/Bishkek', 'America/New_York', 'Asia/Almaty']);
    expect(choices).toEqual([...CENTRAL_ASIAN_ZONES, 'America/New_York', 'Europe/Berlin']);
  });

  it('names a zone by its city', () => {
    expect(zoneCity('Asia/Dushanbe')).toBe('Dushanbe');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});

describe('detecting a browser that lacks the language', () => {
  it('takes the polyfill path when Intl does not support the locale, as on Debian Chromium', async () => {
    const { nativeLacks } = await import('./format');
    const { vi } = await import('vitest');
    const spy = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    try {
      expect(nativeLacks('ky')).toBe(true);
      const format = await dateTimeFormatter('ky');
      expect(format(instant, 'Asia/Bishkek')).toContain('декабрь');
    } finally {
      spy.mockRestore();
    }
    expect(nativeLacks('ky')).toBe(false); // Node has full ICU
  });
});
