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

const HOUR = 3_600_000;
const dispatch = (method: string, input: unknown, session?: string) =>
  t.services.dispatch(method, input, ctxFor(session));
const codeOf = (r: Awaited<ReturnType<typeof dispatch>>) => (r.ok ? 'ok' : r.error.code);
const sessionRows = () =>
  t.services.db.prepare('SELECT count(*) FROM staff_sessions').pluck().get() as number;
const actions = () =>
  t.services.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];

describe('staff numbers without regard to case', () => {
  it('refuse c101 next to C101, and sign in with either spelling as the stored one', async () => {
    const tokens = await seedStaff(t.services);
    const twin = await dispatch(
      'auth.createAccount',
      { staffNo: 'c101', name: '冒名', role: 'supervisor', secret: 'twin-pass-1' },
      tokens.supervisor,
    );
    expect(codeOf(twin)).toBe('CONFLICT');
    const session = await callOk<{ staffNo: string }>(t.services, 'auth.signIn', {
      staffNo: 'c101',
      secret: 'counter-pass1',
    });
    expect(session.staffNo).toBe('C101');
    expect(
      t.services.db
        .prepare("SELECT count(*) FROM staff_accounts WHERE lower(staff_no) = 'c101'")
        .pluck()
        .get(),
    ).toBe(1);
    // The database refuses it too, whoever writes.
    expect(() =>
      t.services.db
        .prepare(
          "INSERT INTO staff_accounts (staff_no, name, role, secret_hash, created_at, updated_at) VALUES ('g201', 'x', 'guide', 'h', 0, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('session lifetime', () => {
  it('ends a busy session 12 hours after sign-in and removes expired rows', async () => {
    const tokens = await seedStaff(t.services);
    const rowsAfterSeed = sessionRows();
    expect(rowsAfterSeed).toBe(3);
    // Busy all day: a call every 20 minutes keeps it from idling out...
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * 60_000; elapsed += 20 * 60_000) {
      clock += 20 * 60_000;
      expect(codeOf(await dispatch('applications.list', {}, tokens.counter))).toBe('ok');
    }
    // ...but not past 12 hours.
    clock += 20 * 60_000 + 1;
    expect(codeOf(await dispatch('applications.list', {}, tokens.counter))).toBe('UNAUTHENTICATED');
    // The idle supervisor and guide rows went in a periodic sweep; the counter's on its refusal.
    expect(sessionRows()).toBe(0);
    await callOk(t.services, 'auth.signIn', { staffNo: 'G201', secret: 'guide-pass1' });
    expect(sessionRows()).toBe(1);
  });

  it('removes the row on sign-out and sweeps idle rows at the next sign-in', async () => {
    const tokens = await seedStaff(t.services);
    await callOk(t.services, 'auth.signOut', {}, tokens.guide);
    expect(sessionRows()).toBe(2);
    clock += 31 * 60_000;
    await callOk(t.services, 'auth.signIn', { staffNo: 'G201', secret: 'guide-pass1' });
    expect(sessionRows()).toBe(1);
  });
});

describe('own secret', () => {
  it('changes with the current one, ends the other sessions and keeps this one', async () => {
    const tokens = await seedStaff(t.services);
    const other = await callOk<{ token: string }>(t.services, 'auth.signIn', {
      staffNo: 'C101',
      secret: 'counter-pass1',
    });
    const wrong = await dispatch(
      'auth.changeSecret',
      { current: 'not-my-pass', next: 'counter-pass2' },
      tokens.counter,
    );
    expect(wrong.ok ? 'ok' : [wrong.error.code, wrong.error.field]).toEqual([
      'VALIDATION',
      'current',
    ]);
    await callOk(
      t.services,
      'auth.changeSecret',
      { current: 'counter-pass1', next: 'counter-pass2' },
      tokens.counter,
    );
    expect(codeOf(await dispatch('applications.list', {}, tokens.counter))).toBe('ok');
    expect(codeOf(await dispatch('applications.list', {}, other.token))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' })),
    ).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass2' })),
    ).toBe('ok');
    expect(actions()).toEqual(expect.arrayContaining(['secret_change_failed', 'secret_change']));
  });

  it('refuses the same secret again and counts wrong current secrets toward the lockout', async () => {
    const tokens = await seedStaff(t.services);
    const same = await dispatch(
      'auth.changeSecret',
      { current: 'guide-pass1', next: 'guide-pass1' },
      tokens.guide,
    );
    expect(same.ok ? 'ok' : same.error.field).toBe('next');
    for (let i = 0; i < 5; i++) {
      await dispatch(
        'auth.changeSecret',
        { current: `guess-${i}-xx`, next: 'guide-pass2' },
        tokens.guide,
      );
    }
    expect(codeOf(await dispatch('applications.list', {}, tokens.guide))).toBe('UNAUTHENTICATED');
  });
});

describe('disable and role change', () => {
  it('disabling ends the sessions and refuses sign-in with the usual answer; enabling restores', async () => {
    const tokens = await seedStaff(t.services);
    const wrongAnswer = await dispatch('auth.signIn', { staffNo: 'C101', secret: 'wrong-pass-1' });
    const disabled = await callOk<{ disabled: boolean }>(
      t.services,
      'auth.setDisabled',
      { staffNo: 'c101', disabled: true },
      tokens.supervisor,
    );
    expect(disabled.disabled).toBe(true);
    expect(codeOf(await dispatch('applications.list', {}, tokens.counter))).toBe('UNAUTHENTICATED');
    const refused = await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' });
    // The usual answer: the second refusal for this typed number, as for a number nobody has.
    await dispatch('auth.signIn', { staffNo: 'NOBODY-2', secret: 'wrong-pass-1' });
    const unknownSecond = await dispatch('auth.signIn', {
      staffNo: 'NOBODY-2',
      secret: 'x-wrong-2',
    });
    expect(refused.ok ? null : refused.error).toEqual(
      unknownSecond.ok ? 'ok' : unknownSecond.error,
    );
    expect(wrongAnswer.ok ? 'ok' : wrongAnswer.error.code).toBe('UNAUTHENTICATED');
    await callOk(
      t.services,
      'auth.setDisabled',
      { staffNo: 'C101', disabled: false },
      tokens.supervisor,
    );
    expect(
      codeOf(await dispatch('auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' })),
    ).toBe('ok');
    // Only a supervisor may.
    const byClerk = await dispatch(
      'auth.setDisabled',
      { staffNo: 'G201', disabled: true },
      tokens.guide,
    );
    expect(codeOf(byClerk)).toBe('FORBIDDEN');
    expect(actions()).toEqual(expect.arrayContaining(['account_disable', 'account_enable']));
  });

  it('a role change applies to the open session at once and is audited with from/to', async () => {
    const tokens = await seedStaff(t.services);
    expect(codeOf(await dispatch('audit.list', {}, tokens.guide))).toBe('FORBIDDEN');
    await callOk(
      t.services,
      'auth.setRole',
      { staffNo: 'G201', role: 'supervisor' },
      tokens.supervisor,
    );
    expect(codeOf(await dispatch('audit.list', {}, tokens.guide))).toBe('ok');
    const detail = t.services.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'account_role'")
      .pluck()
      .get() as string;
    expect(JSON.parse(detail)).toEqual({ from: 'guide', to: 'supervisor' });
  });

  it('the last active supervisor can neither be disabled nor demoted, by itself or anyone', async () => {
    const tokens = await seedStaff(t.services);
    for (const [method, input] of [
      ['auth.setDisabled', { staffNo: 'S001', disabled: true }],
      ['auth.setRole', { staffNo: 's001', role: 'counter' }],
    ] as const) {
      const r = await dispatch(method, input, tokens.supervisor);
      expect(r.ok ? 'ok' : [r.error.code, r.error.field]).toEqual(['CONFLICT', 'staffNo']);
    }
    // With a second supervisor, the first may step down; then the second is the last one.
    await callOk(
      t.services,
      'auth.setRole',
      { staffNo: 'G201', role: 'supervisor' },
      tokens.supervisor,
    );
    await callOk(
      t.services,
      'auth.setRole',
      { staffNo: 'S001', role: 'counter' },
      tokens.supervisor,
    );
    const last = await dispatch(
      'auth.setDisabled',
      { staffNo: 'G201', disabled: true },
      tokens.guide,
    );
    expect(codeOf(last)).toBe('CONFLICT');
    // A disabled supervisor does not count as active.
    await callOk(t.services, 'auth.setRole', { staffNo: 'S001', role: 'supervisor' }, tokens.guide);
    await callOk(t.services, 'auth.setDisabled', { staffNo: 'S001', disabled: true }, tokens.guide);
    const demoteLast = await dispatch(
      'auth.setRole',
      { staffNo: 'G201', role: 'guide' },
      tokens.guide,
    );
    expect(codeOf(demoteLast)).toBe('CONFLICT');
  });
});

describe('weak secrets', () => {
  it('refuses a new secret that holds the own staff number when a clerk changes it', async () => {
    const tokens = await seedStaff(t.services);
    const r = await dispatch(
      'auth.changeSecret',
      { current: 'counter-pass1', next: 'my-c101-pass' },
      tokens.counter,
    );
    expect(r.ok ? 'ok' : [r.error.code, r.error.field, r.error.message]).toEqual([
      'INVALID_INPUT',
      'next',
      '新密码不能包含工号，请换一个更难猜的密码',
    ]);
    const weak = await dispatch(
      'auth.changeSecret',
      { current: 'counter-pass1', next: '000000' },
      tokens.counter,
    );
    expect(codeOf(weak)).toBe('INVALID_INPUT');
    // The old secret still works: nothing was changed.
    await callOk(t.services, 'auth.signIn', { staffNo: 'C101', secret: 'counter-pass1' });
  });
});

describe("staff names are people's names", () => {
  const create = (name: string, session?: string) =>
    dispatch(
      'auth.createAccount',
      { staffNo: 'G301', name, role: 'guide', secret: 'guide-pass-301' },
      session,
    );

  it('refuses markup and symbols with a field error in both languages, at creation and first-run setup', async () => {
    const tokens = await seedStaff(t.services);
    for (const name of ['<b>x</b>', '<script>alert(1)</script>', '王&芳', '李"娜"', 'a=b', 'x/y']) {
      const r = await create(name, tokens.supervisor);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.field).toBe('name');
      expect(r.error.message).toContain('不能含 < > & 等符号');
      expect(r.error.messageEn).toContain('not < > & or other symbols');
    }
    const setup = await dispatch('auth.setup', {
      staffNo: 'S900',
      name: '<i>主管</i>',
      secret: 'setup-pass-900',
    });
    expect(setup.ok ? 'ok' : setup.error.field).toBe('name');
  });

  it("takes the names people have: Chinese, with · or a digit, Latin with ' - and accents", async () => {
    const tokens = await seedStaff(t.services);
    for (const [i, name] of [
      '王芳',
      '欧阳·娜娜',
      "Seán O'Brien-Zoë",
      '张伟2',
      '李娜（夜班）',
    ].entries()) {
      const r = await dispatch(
        'auth.createAccount',
        { staffNo: `G31${i}`, name, role: 'guide', secret: `guide-pass-31${i}` },
        tokens.supervisor,
      );
      expect(r.ok ? 'ok' : r.error.messageEn, name).toBe('ok');
    }
  });

  it('a name stored before the rule still signs in and is listed as it is', async () => {
    const tokens = await seedStaff(t.services);
    t.services.db
      .prepare("UPDATE staff_accounts SET name = '<b>旧名</b>' WHERE staff_no = 'C101'")
      .run();
    const session = await callOk<{ name: string }>(t.services, 'auth.signIn', {
      staffNo: 'C101',
      secret: 'counter-pass1',
    });
    expect(session.name).toBe('<b>旧名</b>');
    const list = await callOk<{ staffNo: string; name: string }[]>(
      t.services,
      'auth.accounts',
      {},
      tokens.supervisor,
    );
    expect(list.find((a) => a.staffNo === 'C101')?.name).toBe('<b>旧名</b>');
  });
});
