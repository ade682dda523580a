import { fail, pass, type Check } from './check';

/** 户号 (electricity account number): digits only; the length is a per-province setting. */
export function checkAccountNo(raw: string, length = 10): Check<string> {
  const s = String(raw ?? '').trim();
  if (!/^\d+$/.test(s)) return fail('户号只能包含数字', 'Account number must contain digits only');
  if (s.length !== length)
    return fail(`户号应为${length}位数字`, `Account number must be ${length} digits`);
  return pass(s);
}
