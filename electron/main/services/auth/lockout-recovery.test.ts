import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const MIN = 60_000;
const dispatch = (method: string, input: unknown, session?: string) =>
  t.services.dispatch(method, input, ctxFor(session));
const codeOf = (r: Awaited<ReturnType<typeof dispatch>>) => (r.ok ? 'ok' : r.error.code);
const signIn = (staffNo: string, secret: string) => dispatch('auth.signIn', { staffNo, secret });
const failFiveTimes = async (staffNo: string) => {
  for (let i = 0; i < 5; i++) await signIn(staffNo, 'wrong-pass-1');
};

describe('timed lockouts', () => {
  it('lock for 15 minutes, then 30 after the next five failures, and a sign-in resets it', async () => {
    await seedStaff(t.services);
    await failFiveTimes('C101');
    clock += 14 * MIN;
    expect(codeOf(await signIn('C101', 'counter-pass1'))).toBe('UNAUTHENTICATED');
    clock += 1 * MIN + 1;
    expect(codeOf(await signIn('C101', 'counter-pass1'))).toBe('ok');

    // A sign-in in between resets the doubling: the next lock is 15 minutes again.
    await failFiveTimes('C101');
    clock += 15 * MIN + 1;
    // No sign-in now: five more failures double the wait.
    await failFiveTimes('C101');
    clock += 29 * MIN;
    expect(codeOf(await signIn('C101', 'counter-pass1'))).toBe('UNAUTHENTICATED');
    clock += 1 * MIN + 1;
    expect(codeOf(await signIn('C101', 'counter-pass1'))).toBe('ok');
    const audit = t.services.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'locked_out' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(audit.map((d) => (JSON.parse(d) as { minutes: number }).minutes)).toEqual([15, 15, 30]);
  });

  it('failures during a lock do not lengthen it; a supervisor can still unlock early', async () => {
    const tokens = await seedStaff(t.services);
    await failFiveTimes('G201');
    clock += 10 * MIN;
    await failFiveTimes('G201'); // ignored while locked
    clock += 5 * MIN + 1;
    expect(codeOf(await signIn('G201', 'guide-pass1'))).toBe('ok');

    await failFiveTimes('G201');
    const accounts = await callOk<{ staffNo: string; locked: boolean; lockedUntil: string }[]>(
      t.services,
      'auth.accounts',
      {},
      tokens.supervisor,
    );
    expect(accounts.find((a) => a.staffNo === 'G201')?.locked).toBe(true);
    await callOk(t.services, 'auth.unlockAccount', { staffNo: 'g201' }, tokens.supervisor);
    expect(codeOf(await signIn('G201', 'guide-pass1'))).toBe('ok');
  });

  it('the only supervisor is never locked for good', async () => {
    await callOk(t.services, 'auth.setup', { staffNo: 'S001', name: '主管', secret: '20262026' });
    // Eight lockouts in a row (each waited out, never a good sign-in between).
    for (let round = 0; round < 8; round++) {
      await failFiveTimes('S001');
      if (round < 7) clock += 17 * 60 * MIN;
    }
    // The wait doubled up to its cap (16 hours), and then the secret works again.
    clock += 16 * 60 * MIN - MIN;
    expect(codeOf(await signIn('S001', '20262026'))).toBe('UNAUTHENTICATED');
    clock += MIN + 1;
    expect(codeOf(await signIn('S001', '20262026'))).toBe('ok');
    const minutes = t.services.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'locked_out' ORDER BY id")
      .pluck()
      .all()
      .map((d) => (JSON.parse(d as string) as { minutes: number }).minutes);
    expect(minutes).toEqual([15, 30, 60, 120, 240, 480, 960, 960]);
  });
});

describe('one-time recovery code', () => {
  const setup = () =>
    callOk<{ token: string; recoveryCode: string }>(t.services, 'auth.setup', {
      staffNo: 'S001',
      name: '主管甲',
      secret: 'supervisor-pass',
    });

  it('is shown once at first run, stored only as a scrypt hash, and unlocks the supervisor', async () => {
    const first = await setup();
    expect(first.recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    const stored = t.services.db
      .prepare('SELECT recovery_hash FROM staff_accounts')
      .pluck()
      .get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(JSON.stringify(t.services.db.prepare('SELECT * FROM audit_log').all())).not.toContain(
      first.recoveryCode.replace(/-/g, ''),
    );
    await failFiveTimes('S001');
    expect(codeOf(await signIn('S001', 'supervisor-pass'))).toBe('UNAUTHENTICATED');

    // Typed in lower case without dashes, the staff number in another case: still accepted.
    const typed = first.recoveryCode.replace(/-/g, '').toLowerCase();
    const recovered = await callOk<{ token: string; recoveryCode: string; role: string }>(
      t.services,
      'auth.recover',
      { staffNo: 's001', recoveryCode: typed, newSecret: 'brand-new-pass' },
    );
    expect(recovered.role).toBe('supervisor');
    expect(recovered.recoveryCode).not.toBe(first.recoveryCode);
    // The old session is gone, the new secret signs in, the old secret does not.
    expect(codeOf(await dispatch('audit.list', {}, first.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await dispatch('audit.list', {}, recovered.token))).toBe('ok');
    expect(codeOf(await signIn('S001', 'supervisor-pass'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signIn('S001', 'brand-new-pass'))).toBe('ok');

    // Single use: the first code no longer works; the new one does.
    const reused = await dispatch('auth.recover', {
      staffNo: 'S001',
      recoveryCode: first.recoveryCode,
      newSecret: 'another-pass-1',
    });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    const second = await dispatch('auth.recover', {
      staffNo: 'S001',
      recoveryCode: recovered.recoveryCode,
      newSecret: 'another-pass-1',
    });
    expect(codeOf(second)).toBe('ok');
    const actions = t.services.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'recover%' ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual(['recover', 'recover_failed', 'recover']);
  });

  it('answers an unknown staff number, a clerk and a wrong code alike', async () => {
    const first = await setup();
    await callOk(
      t.services,
      'auth.createAccount',
      { staffNo: 'C101', name: '柜员', role: 'counter', secret: 'counter-pass1' },
      first.token,
    );
    const tries = [
      { staffNo: 'X999', recoveryCode: first.recoveryCode },
      { staffNo: 'C101', recoveryCode: first.recoveryCode },
      { staffNo: 'S001', recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA' },
    ];
    const errors = [];
    for (const input of tries) {
      const r = await dispatch('auth.recover', { ...input, newSecret: 'brand-new-pass' });
      errors.push(r.ok ? null : r.error);
    }
    expect(errors[0]).not.toBeNull();
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[2]).toEqual(errors[0]);
  });

  it('refuses a malformed code by field, in both languages', async () => {
    await setup();
    const r = await dispatch('auth.recover', {
      staffNo: 'S001',
      recoveryCode: 'too-short',
      newSecret: 'brand-new-pass',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.field).toBe('recoveryCode');
    }
  });
});
