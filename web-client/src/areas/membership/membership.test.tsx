import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import Membership from './index';
import { NOTICE_VERSION, stepOf, type MyRecord } from './notice';
import { account } from '../../api/auth';
import { offline } from '../../api/connectivity';
import { translator } from '../../i18n/i18n';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/messages/en';
import { ky } from '../../i18n/messages/ky';
import { ru } from '../../i18n/messages/ru';

const NOW = new Date('2026-12-04T12:00:00Z');
const INVITATION = { invitationId: 'i', invitedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-15T00:00:00Z' };
const record = (over: Partial<MyRecord>): MyRecord => ({ id: 'p-1', status: 'INVITED', invitation: INVITATION, ...over });

describe('what an invited person can do', () => {
  it('follows the service\'s order: answer, consent, wait, member', () => {
    expect(stepOf(record({}), NOW)).toBe('answer');
    expect(stepOf(record({ invitation: { invitationId: 'i', invitedAt: '', expiresAt: '2026-12-03T00:00:00Z' } }), NOW)).toBe('none');
    expect(stepOf(record({ status: 'ACCEPTED' }), NOW)).toBe('consent');
    const consent = { noticeVersion: NOTICE_VERSION, agreedTo: ['membership'], agreedAt: '2026-12-02T00:00:00Z' };
    expect(stepOf(record({ status: 'ACCEPTED', consent }), NOW)).toBe('waiting');
    expect(stepOf(record({ status: 'ACTIVE', consent }), NOW)).toBe('member');
    expect(stepOf(record({ status: 'ACTIVE', consent: { ...consent, noticeVersion: '2020-01' } }), NOW)).toBe('consent');
    expect(stepOf(record({ status: 'DECLINED' }), NOW)).toBe('none');
    // the service leaves out fields without a value (no "consent": null)
    const bare: MyRecord = { id: 'p-1', status: 'ACCEPTED' };
    expect(stepOf(bare, NOW)).toBe('consent');
    expect(stepOf({ ...bare, status: 'INVITED' }, NOW)).toBe('none');
    expect(stepOf(record({ status: 'REMOVED' }), NOW)).toBe('ended');
  });
});

describe('the membership screen', () => {
  let posted: { path: string; body: unknown }[];
  let current: MyRecord;
  beforeEach(() => {
    offline.value = false;
    account.value = { state: 'signedIn', roles: [], subject: 'p-1' };
    posted = [];
    // as the service answers: no "consent" key until there is one
    current = { id: 'p-1', status: 'INVITED', invitation: INVITATION };
    document.cookie = 'XSRF-TOKEN=t1';
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      if ((init.method ?? 'GET') === 'GET') return new Response(JSON.stringify(current), { status: 200 });
      posted.push({ path, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (path.endsWith('/invitation/accept')) current = { ...current, status: 'ACCEPTED' };
      if (path.endsWith('/consent')) current = { ...current, consent: { noticeVersion: NOTICE_VERSION, agreedTo: ['membership'], agreedAt: NOW.toISOString() } };
      return new Response('{}', { status: 200 });
    });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('takes an invited person through accepting and consenting, in Russian', async () => {
    translator.value = new Translator('ru', { en, ru });
    render(<Membership />);
    fireEvent.click(await screen.findByRole('button', { name: 'Принять приглашение' }));
    expect(await screen.findByRole('heading', { name: 'Согласие' })).toBeTruthy();
    expect(screen.getByText(`Версия уведомления ${NOTICE_VERSION}`)).toBeTruthy();
    const required = screen.getByLabelText('Участие в Рабочей группе (обязательно)') as HTMLInputElement;
    expect(required.checked).toBe(true);
    fireEvent.click(required);
    expect((screen.getByRole('button', { name: 'Я даю согласие' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(required);
    fireEvent.click(screen.getByRole('button', { name: 'Я даю согласие' }));
    expect(await screen.findByText(/координатор подтвердит ваше участие/)).toBeTruthy();
    expect(posted.map((call) => call.path)).toEqual(['/api/membership/people/p-1/invitation/accept', '/api/membership/people/p-1/consent']);
    expect(posted[1]!.body).toEqual({ noticeVersion: NOTICE_VERSION, agreedTo: ['membership'] });
  });

  it('shows a member whose consent comes without its date and purposes (left out, not null)', async () => {
    translator.value = new Translator('en', { en });
    current = { id: 'p-1', status: 'ACTIVE', consent: { noticeVersion: NOTICE_VERSION } };
    render(<Membership />);
    expect(await screen.findByRole('heading', { name: 'You are a member' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`^You agreed to notice ${NOTICE_VERSION}`))).toBeTruthy();
  });

  it('asks before declining, in Kyrgyz', async () => {
    translator.value = new Translator('ky', { en, ru, ky });
    render(<Membership />);
    fireEvent.click(await screen.findByRole('button', { name: 'Чакыруудан баш тартуу' }));
    expect(screen.getByText(/Чакыруудан баш тартасызбы/)).toBeTruthy();
    expect(posted).toEqual([]);
  });
});
