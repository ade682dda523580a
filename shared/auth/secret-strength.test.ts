import { describe, expect, it } from 'vitest';
import { contract } from '../api/contract';
import { invalidInput } from '../api/input-errors';
import { secretWeakness } from './secret-strength';

/** The field errors the dispatcher would answer for one method's input. */
function fieldErrorsOf(method: keyof typeof contract, input: unknown) {
  const parsed = contract[method].input.safeParse(input);
  return parsed.success ? [] : (invalidInput(parsed.error.issues).fieldErrors ?? []);
}

describe('trivial staff secrets', () => {
  it.each([
    ['111111', '同一个字符'],
    ['00000000', '同一个字符'],
    ['aaaaaaaa', '同一个字符'],
    ['123456', '连续'],
    ['987654', '连续'],
    ['abcdefgh', '连续'],
    ['12345678', '连续'],
    ['password', '最常见'],
    ['Password1', '最常见'],
    ['1q2w3e4r', '最常见'],
  ])('refuses %s (%s)', (secret, why) => {
    expect(secretWeakness(secret)?.zh).toContain(why);
  });

  it('refuses a secret holding the staff number, whatever its case', () => {
    expect(secretWeakness('c101c101', 'C101')?.en).toContain('staff number');
    expect(secretWeakness('Zc101-x9', 'C101')?.zh).toContain('工号');
    expect(secretWeakness('Zc101-x9', 'G201')).toBeNull();
  });

  it.each(['246810', '482916', 'Supervisor-2026', 'counter-pass1'])('accepts %s', (secret) => {
    expect(secretWeakness(secret, 'C101')).toBeNull();
  });
});

describe('the contract refuses them with the field named, in both languages', () => {
  it('at account creation: a repeated digit and the staff number', () => {
    const input = { staffNo: 'C301', name: '柜员', role: 'counter' };
    const [ones] = fieldErrorsOf('auth.createAccount', { ...input, secret: '11111111' });
    expect(ones?.field).toBe('secret');
    expect(ones?.message).toBe('密码不能全部是同一个字符，请换一个更难猜的密码');
    expect(ones?.messageEn).toMatch(/^Password or PIN must not repeat one character/);
    const [own] = fieldErrorsOf('auth.createAccount', { ...input, secret: 'C301C301' });
    expect(own?.message).toBe('密码不能包含工号，请换一个更难猜的密码');
    expect(fieldErrorsOf('auth.createAccount', { ...input, secret: '123456' })).toHaveLength(1);
  });

  it('at first run, recovery, reset and change', () => {
    expect(
      fieldErrorsOf('auth.setup', { staffNo: 'S1', name: '主管', secret: '654321' })[0]?.field,
    ).toBe('secret');
    const recover = fieldErrorsOf('auth.recover', {
      staffNo: 'S1',
      recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX',
      newSecret: 'qwertyuiop',
    });
    expect(recover.map((f) => f.field)).toEqual(['newSecret']);
    expect(fieldErrorsOf('auth.resetSecret', { staffNo: 'C1', secret: '888888' })[0]?.field).toBe(
      'secret',
    );
    const change = fieldErrorsOf('auth.changeSecret', { current: 'old-secret-1', next: '000000' });
    expect(change[0]?.field).toBe('next');
    expect(change[0]?.message).toMatch(/^新密码不能全部是同一个字符/);
  });

  it('says only the length when a secret is too short, not also that it is weak', () => {
    const errors = fieldErrorsOf('auth.changeSecret', { current: 'x', next: '111' });
    expect(errors).toHaveLength(1);
  });

  it('still lets an old weak secret sign in', () => {
    expect(
      contract['auth.signIn'].input.safeParse({ staffNo: 'C1', secret: '123456' }).success,
    ).toBe(true);
  });
});
