import fc from 'fast-check';
import { creditCheckChar, CREDIT_ALPHABET } from './credit-code';
import { REGISTRATION_AUTHORITIES } from './credit-code-authorities';
import { idCheckChar } from './id-number';
import { orgCodeCheckChar } from './org-code';
import { provinceCodes, regionCodeList } from './regions';

/** Generators shared by the validator property tests: valid values built from parts. */

export const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Birth dates up to the day before `today` (hall time does not matter a day away). */
export const birthDate = (today: Date): fc.Arbitrary<string> =>
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date(today.getTime() - 86_400_000),
      noInvalidDate: true,
    })
    .map((d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`);

/** A GB/T 2260 province code in force (11 … 65). */
export const province = fc.constantFrom(...provinceCodes());

export const idBody = (today: Date): fc.Arbitrary<string> =>
  fc
    .tuple(province, digits(4), birthDate(today), digits(3))
    .map(([p, area, birth, seq]) => `${p}${area}${birth}${seq}`);

export const validIdNumber = (today: Date): fc.Arbitrary<string> =>
  idBody(today).map((body) => body + idCheckChar(body));

/** 港澳台居民居住证: 810000 / 820000 / 830000, birth date, sequence, GB 11643 check char. */
export const validResidencePermit = (today: Date): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('810000', '820000', '830000'), birthDate(today), digits(3))
    .map(([area, birth, seq]) => area + birth + seq)
    .map((body) => body + idCheckChar(body));

/** 外国人永久居留身份证, 2023 card: 9, province, 3-digit nationality, birth date, sequence, check. */
export const validForeignPermanentId = (today: Date): fc.Arbitrary<string> =>
  fc
    .tuple(province, digits(3), birthDate(today), digits(3))
    .map(([p, nation, birth, seq]) => `9${p}${nation}${birth}${seq}`)
    .map((body) => body + idCheckChar(body));

const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const uppers = (n: number): fc.Arbitrary<string> =>
  fc.array(upper, { minLength: n, maxLength: n }).map((a) => a.join(''));

/** The 2004/2017 card: 3-letter nationality and 12 digits. */
export const oldForeignPermanentId: fc.Arbitrary<string> = fc
  .tuple(uppers(3), digits(12))
  .map(([a, b]) => a + b);

export const validHkMacaoPermit: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('H', 'M'), fc.oneof(digits(8), digits(10)))
  .map(([a, b]) => a + b);

export const validTaiwanPermit: fc.Arbitrary<string> = fc.oneof(digits(8), digits(10));

/** Letters and digits, 5–17 long, at least one digit, never 18 digits. */
export const validPassport: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof(upper, fc.constantFrom(...'0123456789'.split(''))), {
      minLength: 4,
      maxLength: 16,
    }),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([chars, d]) => chars.join('') + d);

const creditChar = fc.constantFrom(...CREDIT_ALPHABET.split(''));
const creditChars = (n: number): fc.Arbitrary<string> =>
  fc.array(creditChar, { minLength: n, maxLength: n }).map((a) => a.join(''));

/** A registration authority and one of its categories, from the GB 32100 table. */
export const creditHead: fc.Arbitrary<string> = fc.constantFrom(
  ...Object.entries(REGISTRATION_AUTHORITIES).flatMap(([a, r]) =>
    Object.keys(r.categories).map((c) => a + c),
  ),
);

/** A 6-digit region code in force. */
export const region = fc.constantFrom(...regionCodeList());

/** 8 body characters over the credit alphabet and their GB 11714 check (digit or X). */
export const validOrgCode: fc.Arbitrary<string> = creditChars(8).map(
  (b) => b + (orgCodeCheckChar(b) ?? ''),
);

export const creditBody: fc.Arbitrary<string> = fc
  .tuple(creditHead, region, validOrgCode)
  .map(([head, area, org]) => head + area + org);

export const validCreditCode: fc.Arbitrary<string> = creditBody.map((b) => b + creditCheckChar(b));

export const MOBILE_PREFIXES = [
  '',
  '+86',
  '0086',
  '+86 ',
  '+86-',
  '0086 ',
  '0086-',
  '+86  ',
  '86 ',
] as const;

export const mobileDigits: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

const FULL_WIDTH_ZERO = 0xff10;

/** [the 11 digits, as typed]: grouped 3-4-4 with a separator, maybe in full-width digits. */
export const spacedLikePeople: fc.Arbitrary<readonly [string, string]> = fc
  .tuple(mobileDigits, fc.constantFrom(' ', '-', '.', '  ', ' - ', '－', ''), fc.boolean())
  .map(([num, sep, wide]) => {
    const shown = wide
      ? [...num].map((d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d))).join('')
      : num;
    return [num, [shown.slice(0, 3), shown.slice(3, 7), shown.slice(7)].join(sep)] as const;
  });
