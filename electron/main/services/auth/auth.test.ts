import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret, OWASP_COST, verifySecret } from './password';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from './testing/services';

let t: TestServices;
let clock = Date.parse('2026-03-02T01:00:00Z');
beforeEach(() => {
  clock = Date.parse('2026-03-02T01:00:00Z');
  t = startTestServices({ now: () => new Date(clock) });
});
afterEach(async () => {
  await t.cleanup();
});

const dispatch = (method: string, input: unknown, session?: string) =>
  t.services.dispatch(method, input, ctxFor(session));

describe('passwords', () => {
  it('hash with scrypt at OWASP cost (N=2^17, r=8, p=1) and verify in constant time', async () => {
    const started = performance.now();
    const stored = await hashSecret('correct horse', OWASP_COST);
    const ms = performance.now() - started;
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifySecret('correct horse', stored)).toBe(true);
    expect(await verifySecret('correct horsf', stored)).toBe(false);
    console.log(`scrypt OWASP hash ms=${ms.toFixed(0)}`);
  });

  it('salt each hash and refuse malformed stored hashes', async () => {
    const a = await hashSecret('123456', { log2N: 10, r: 8, p: 1 });
    const b = await hashSecret('123456', { log2N: 10, r: 8, p: 1 });
    expect(a).not.toBe(b);
    for (const bad of [
      '',
      'scrypt$',
      'md5$1$1$1$aa$bb',
      'scrypt$40$8$1$AAAA$AAAA',
      a.slice(0, -4),
    ]) {
      expect(await verifySecret('123456', bad)).toBe(false);
    }
  });
});

describe('first run and sign-in', () => {
  it('first run creates the supervisor once; the station then asks for sign-in', async () => {
    const before = await callOk<{ needsSetup: boolean }>(t.services, 'auth.status', {});
    expect(before.needsSetup).toBe(true);
    const session = await callOk<{ token: string; role: string }>(t.services, 'auth.setup', {
      staffNo: 'S001',
      name: '主管甲',
      secret: '246810',
    });
    expect(session.role).toBe('supervisor');
    const again = await dispatch('auth.setup', { staffNo: 'S002', name: 'x', secret: '135791' });
    expect(again.ok || again.error.code).toBe('CONFLICT');
    const after = await callOk<{ needsSetup: boolean; staff: { staffNo: string } | null }>(
      t.services,
      'auth.status',
      {},
      session.token,
    );
    expect(after.needsSetup).toBe(false);
    expect(after.staff?.staffNo).toBe('S001');
  });

  it('stores only the hash of session tokens and of secrets', async () => {
    const session = await callOk<{ token: string }>(t.services, 'auth.setup', {
      staffNo: 'S001',
      name: '主管甲',
      secret: 'supervisor-pass',
    });
    const dump = JSON.stringify([
      t.services.db.prepare('SELECT * FROM staff_sessions').all(),
      t.services.db.prepare('SELECT * FROM staff_accounts').all(),
      t.services.db.prepare('SELECT * FROM audit_log').all(),
    ]);
    expect(dump).not.toContain(session.token);
    expect(dump).not.toContain('supervisor-pass');
  });

  it('refuses a wrong secret and an unknown staff number with the same answer', async () => {
    await seedStaff(t.services);
    const wrong = await dispatch('auth.signIn', { staffNo: 'C101', secret: 'nope-nope-1' });
    const unknown = await dispatch('auth.signIn', { staffNo: 'X999', secret: 'nope-nope-1' });
    expect(wrong.ok).toBe(false);
    expect(unknown.ok).toBe(false);
    if (!wrong.ok && !unknown.ok) {
      expect(wrong.error).toEqual(unknown.error);
      expect(wrong.error.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(wrong.error)).not.toContain('nope-nope-1');
    }
  });

  it('locks after 5 failures, even for the right secret, until a supervisor unlocks', async () => {
    const tokens = await seedStaff(t.services);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await dispatch('auth.signIn', { staffNo: 'C101', secret: 'wrong-pass-1' });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    // Issue 10: the lock says nothing of its own (the same answer as a wrong secret).
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const right = await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' });
    expect(right.ok ? 'ok' : right.error.code).toBe('UNAUTHENTICATED');
    // The locked clerk's open session stops working too.
    const during = await dispatch('applications.list', {}, tokens.counter);
    expect(during.ok ? 'ok' : during.error.code).toBe('UNAUTHENTICATED');
    // A clerk cannot unlock; the supervisor can.
    const byGuide = await dispatch('auth.unlockAccount', { staffNo: 'C101' }, tokens.guide);
    expect(byGuide.ok ? 'ok' : byGuide.error.code).toBe('FORBIDDEN');
    const unlocked = await callOk<{ locked: boolean }>(
      t.services,
      'auth.unlockAccount',
      { staffNo: 'C101' },
      tokens.supervisor,
    );
    expect(unlocked.locked).toBe(false);
    expect((await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' })).ok).toBe(
      true,
    );
    const actions = (
      await callOk<{ action: string }[]>(t.services, 'audit.list', {}, tokens.supervisor)
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['locked_out', 'account_unlock']));
  });

  it('expires a session after 30 idle minutes and ends it on sign-out', async () => {
    const tokens = await seedStaff(t.services);
    clock += 29 * 60_000;
    expect((await dispatch('applications.list', {}, tokens.counter)).ok).toBe(true);
    clock += 29 * 60_000; // counted from the last call, not from sign-in
    expect((await dispatch('applications.list', {}, tokens.counter)).ok).toBe(true);
    clock += 31 * 60_000;
    const idle = await dispatch('applications.list', {}, tokens.counter);
    expect(idle.ok ? 'ok' : idle.error.code).toBe('UNAUTHENTICATED');
    await callOk(t.services, 'auth.signOut', {}, tokens.guide);
    const out = await dispatch('sync.status', {}, tokens.guide);
    expect(out.ok ? 'ok' : out.error.code).toBe('UNAUTHENTICATED');
  });

  it('resetting a secret ends the old sessions and the new secret signs in', async () => {
    const tokens = await seedStaff(t.services);
    await callOk(
      t.services,
      'auth.resetSecret',
      { staffNo: 'C101', secret: '864209' },
      tokens.supervisor,
    );
    const old = await dispatch('applications.list', {}, tokens.counter);
    expect(old.ok ? 'ok' : old.error.code).toBe('UNAUTHENTICATED');
    expect((await dispatch('auth.signIn', { staffNo: 'C101', secret: '864209' })).ok).toBe(true);
  });

  it('refuses weak secrets by field, without echoing them', async () => {
    for (const secret of ['12345', 'short', '']) {
      const r = await dispatch('auth.setup', { staffNo: 'S001', name: '主管', secret });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.field).toBe('secret');
        if (secret) expect(JSON.stringify(r.error)).not.toContain(secret);
      }
    }
  });
});
