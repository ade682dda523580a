import { fail, pass, type Check } from './check';

// Optional +86 / 0086 (with an optional space or dash), then 1[3-9] and nine digits.
// Carrier prefixes are deliberately not whitelisted: they change.
const MOBILE = /^(?:(?:\+|00)86[ -]?)?(1[3-9]\d{9})$/;

/** Mainland mobile number, normalized to its 11 digits. */
export function checkMobile(raw: string): Check<string> {
  const s = String(raw ?? '').trim();
  const m = MOBILE.exec(s);
  if (!m?.[1])
    return fail(
      '手机号应为11位，以13-19开头（可带+86）',
      'Mobile number must be 11 digits starting 13-19 (optionally +86)',
    );
  return pass(m[1]);
}
