import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Security } from './Security';
import { groupedForTyping, qrPath } from './qr';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { offline } from '../../api/connectivity';

type Answer = { status: number; body?: unknown };

function gateway(answers: Record<string, Answer[]>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push({ method, path, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const queue = answers[`${method} ${path}`];
    const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0] ?? { status: 404 };
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
  });
  return calls;
}

beforeEach(() => {
  translator.value = new Translator('en', { en });
  offline.value = false;
  document.cookie = 'XSRF-TOKEN=t1';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const API = '/api/identity/me/second-factor';

describe('the second factor screen', () => {
  it('offers only "turn on" while off, then the QR code, and shows the recovery codes once after confirming', async () => {
    const calls = gateway({
      [`GET ${API}`]: [{ status: 200, body: { state: 'OFF', recoveryCodesLeft: 0 } }, { status: 200, body: { state: 'ON', recoveryCodesLeft: 10 } }],
      [`POST ${API}`]: [{ status: 201, body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Civic%20Taskforce:p-1?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Civic%20Taskforce' } }],
      [`POST ${API}/confirm`]: [{ status: 200, body: { recoveryCodes: ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'] } }],
    });
    render(<Security />);
    await screen.findByText('The second factor is off.');
    expect(screen.queryByRole('button', { name: 'Turn off the second factor' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on the second factor' }));
    expect(await screen.findByRole('img', { name: 'QR code with the key for your authenticator app' })).toBeTruthy();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Code from the app'), { target: { value: '123 456' } });
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'secret words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and turn on' }));
    expect(await screen.findByText('AAAA-BBBB-CCCC-DDDD')).toBeTruthy();
    expect(calls.find((call) => call.path === `${API}/confirm`)?.body).toEqual({ code: '123456', password: 'secret words' });
    expect(document.body.textContent).not.toContain('JBSW Y3DP');

    fireEvent.click(screen.getByRole('button', { name: 'I have written them down' }));
    await screen.findByText(/The second factor is on\. 10 recovery codes left/);
    expect(screen.queryByText('AAAA-BBBB-CCCC-DDDD')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Turn on the second factor' })).toBeNull();
  });

  it('says it went wrong when the setup answer leaves out the key, instead of drawing nothing', async () => {
    gateway({
      [`GET ${API}`]: [{ status: 200, body: { state: 'OFF', recoveryCodesLeft: 0 } }],
      [`POST ${API}`]: [{ status: 201, body: { otpauthUri: 'otpauth://totp/x' } }],
    });
    render(<Security />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on the second factor' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong. Please try again.');
    expect(screen.queryByRole('img', { name: 'QR code with the key for your authenticator app' })).toBeNull();
  });

  it('offers renewal and turning off while on, in Russian, and says a wrong code in words', async () => {
    translator.value = new Translator('ru', { en, ru });
    gateway({
      [`GET ${API}`]: [{ status: 200, body: { state: 'ON', recoveryCodesLeft: 1 } }],
      [`DELETE ${API}`]: [{ status: 422, body: { status: 422, detail: 'The one-time code is wrong or was already used.' } }],
    });
    render(<Security />);
    await screen.findByText(/Второй фактор включён\./);
    expect(screen.queryByRole('button', { name: 'Включить второй фактор' })).toBeNull();
    const off = screen.getAllByLabelText('Код из приложения')[1]!;
    fireEvent.input(off, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: /Отключить второй фактор/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('one-time code');
  });
});

describe('the QR code', () => {
  it('is a square path drawn from the address, with a quiet zone', () => {
    const qr = qrPath('otpauth://totp/x?secret=ABC');
    expect(qr.size).toBeGreaterThanOrEqual(25);
    expect(qr.d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    expect(qr.d).not.toContain('M0 0'); // the border stays light
    expect(groupedForTyping('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
