import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CentralError } from './errors';
import { createCentralHttp, type FetchLike } from './http';
import { createDeviceSession, type CredentialStore, type StoredCredentials } from './session';

/** Credentials in memory: the session's contract with its store, nothing else. */
function memoryStore(initial?: StoredCredentials): CredentialStore & { saves: number } {
  let creds = initial;
  let installation: string | undefined;
  return {
    saves: 0,
    installationId: (make) => (installation ??= make()),
    credentials: () => creds,
    saveCredentials(c) {
      creds = c;
      this.saves++;
    },
    saveToken(token, tokenExpiresAt) {
      if (creds) creds = { ...creds, token, tokenExpiresAt };
    },
    forgetToken() {
      creds = undefined;
    },
  };
}

/**
 * A fake central system: one token per generation, only the newest accepted; counts
 * registrations and refreshes. Answers come after a tick, so concurrent requests overlap.
 */
function fakeCentral(opts: { refreshKnown?: boolean; secretOk?: boolean } = {}) {
  const counts = { register: 0, refresh: 0, data: 0 };
  let generation = 0;
  const tick = () => new Promise((r) => setTimeout(r, 5));
  // The protocol wants tokens of 20 characters or more.
  const tok = (g: number) => `token-generation-${String(g).padStart(4, '0')}`;
  const creds = () => ({
    deviceId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    token: tok(generation),
    tokenExpiresAt: '2026-03-02T10:00:00.000Z',
    refreshToken: `refresh-${tok(generation)}`,
  });
  const refused = (status: number) =>
    Response.json({ code: 'UNAUTHENTICATED', message: '未认证', messageEn: 'No' }, { status });
  const fetch: FetchLike = async (url, init) => {
    await tick();
    if (url.endsWith('/v1/devices/register')) {
      counts.register++;
      if (opts.secretOk === false) return refused(401);
      generation++;
      return Response.json(creds(), { status: 201 });
    }
    if (url.endsWith('/v1/devices/token')) {
      counts.refresh++;
      if (opts.refreshKnown === false) return refused(401);
      generation++;
      return Response.json({ token: tok(generation), tokenExpiresAt: creds().tokenExpiresAt });
    }
    counts.data++;
    const auth = new Headers(init.headers).get('authorization');
    if (auth !== `Bearer ${tok(generation)}`) return refused(401);
    return Response.json({ ok: true });
  };
  return { fetch, counts, expire: () => void generation++ };
}

const Ok = z.object({ ok: z.literal(true) });
const enrolment = { hallCode: 'H01', stationCode: 'C01', registrationSecret: 'secret' };

function sessionFor(central: ReturnType<typeof fakeCentral>, store = memoryStore()) {
  const http = createCentralHttp({ baseUrl: 'http://central.test', fetch: central.fetch });
  const session = createDeviceSession({ http, store, enrolment });
  const get = () =>
    session.authed((token) => http.request({ method: 'GET', path: '/v1/x', token }, Ok));
  return { session, store, get };
}

describe('device session', () => {
  it.each([2, 10, 50])(
    '%i concurrent requests on an unregistered device register it once',
    async (n) => {
      const central = fakeCentral();
      const { store, get } = sessionFor(central);
      const results = await Promise.all(Array.from({ length: n }, get));
      expect(results.every((r) => r.ok)).toBe(true);
      console.log(`register calls for ${n} concurrent first requests: ${central.counts.register}`);
      expect(central.counts.register).toBe(1);
      expect(store.saves).toBe(1);
    },
  );

  it.each([2, 10, 50])(
    '%i concurrent requests meeting a 401 share one refresh, then all succeed',
    async (n) => {
      const central = fakeCentral();
      const { get } = sessionFor(central);
      await get();
      central.expire();
      const results = await Promise.all(Array.from({ length: n }, get));
      expect(results.every((r) => r.ok)).toBe(true);
      console.log(`refresh calls for ${n} concurrent 401s: ${central.counts.refresh}`);
      expect(central.counts.refresh).toBe(1);
      expect(central.counts.register).toBe(1);
    },
  );

  it('a refresh token the server no longer knows means one new registration', async () => {
    const central = fakeCentral({ refreshKnown: false });
    const { get } = sessionFor(central);
    await get();
    central.expire();
    await Promise.all(Array.from({ length: 10 }, get));
    expect(central.counts).toMatchObject({ refresh: 1, register: 2 });
  });

  it('a wrong registration secret is a refused enrolment, for every waiting caller', async () => {
    const central = fakeCentral({ secretOk: false });
    const { session, get } = sessionFor(central);
    const errors = await Promise.all(
      Array.from({ length: 5 }, () =>
        get().then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    for (const err of errors) {
      expect(err).toBeInstanceOf(CentralError);
      expect(err).toMatchObject({ kind: 'enrolment_refused', status: 401 });
    }
    expect(central.counts.register).toBe(1);
    expect(session.registered()).toBe(false);
  });

  it('a request whose retry is refused again fails with the 401, without a second refresh', async () => {
    const central = fakeCentral();
    const { session } = sessionFor(central);
    await session.token();
    const http = createCentralHttp({ baseUrl: 'http://central.test', fetch: central.fetch });
    let sends = 0;
    const err = await session
      .authed((token) => {
        sends++;
        return http.request({ method: 'GET', path: '/v1/x', token: `${token}-bad` }, Ok);
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unauthorized' });
    expect([sends, central.counts.refresh]).toEqual([2, 1]);
  });
});
