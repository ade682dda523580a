// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import { ClientError, call, transportName } from './client';
import { onSessionRejected, writeSession } from './session-token';

const setBridge = (invoke: (method: string, input: unknown) => Promise<unknown>) => {
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = { invoke };
};

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
});

describe('API client', () => {
  it('uses the preload bridge when it exists and returns the value', async () => {
    const seen: [string, unknown][] = [];
    setBridge(async (method, input) => {
      seen.push([method, input]);
      return { ok: true, value: { rows: [], total: 0, more: false } };
    });
    expect(transportName()).toBe('ipc');
    await expect(call('applications.list', { q: '138' })).resolves.toEqual({
      rows: [],
      total: 0,
      more: false,
    });
    expect(seen).toEqual([['applications.list', { q: '138' }]]);
  });

  it("throws a ClientError carrying the service's error body", async () => {
    const body = {
      code: 'VALIDATION',
      message: '申请人身份证号：校验位不正确',
      messageEn: "Applicant's ID number: wrong check character",
      field: 'fields.idNumber',
    };
    setBridge(async () => ({ ok: false, error: body }));
    const err = await call('applications.get', {
      id: '0190b6a0-0000-7000-8000-000000000001',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).body).toEqual(body);
    expect((err as ClientError).code).toBe('VALIDATION');
  });

  it('a refused old token does not lock the session opened meanwhile; a refused current one does', async () => {
    const session = (token: string) => ({
      token,
      staffNo: 'C201',
      name: '柜员周',
      role: 'counter' as const,
      idleLockMinutes: 5,
    });
    const unauthenticated = {
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Sign in first' },
    };
    let rejected = 0;
    const stop = onSessionRejected(() => (rejected += 1));
    writeSession(session('old-token'));
    // The answer to a call sent with the old token arrives after the next person signed in.
    setBridge(async () => {
      writeSession(session('new-token'));
      return unauthenticated;
    });
    await call('sync.status', {}).catch(() => undefined);
    expect(rejected).toBe(0);
    setBridge(async () => unauthenticated);
    await call('sync.status', {}).catch(() => undefined);
    expect(rejected).toBe(1);
    stop();
    writeSession(null);
  });

  it('refuses a reply that is not an envelope', async () => {
    setBridge(async () => ({ rows: [] }));
    const err = (await call('system.info', {}).catch((e: unknown) => e)) as ClientError;
    expect(err).toBeInstanceOf(ClientError);
    expect(err.code).toBe('INTERNAL');
  });

  it('without a bridge, goes over HTTP; a refused connection becomes a clear zh/en error', async () => {
    // Nothing listens on the discard port: a real network failure, not a simulated one.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'http://127.0.0.1:9/',
    );
    expect(transportName()).toBe('http');
    const err = (await call('system.info', {}).catch((e: unknown) => e)) as ClientError;
    expect(err).toBeInstanceOf(ClientError);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.body.message).toMatch(/无法连接/);
    expect(err.body.messageEn).toMatch(/Cannot reach/);
  });
});
