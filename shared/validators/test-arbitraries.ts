import fc from 'fast-check';
import { creditCheckChar, CREDIT_ALPHABET } from './credit-code';
import { idCheckChar } from './id-number';

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

export const idBody = (today: Date): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), digits(5), birthDate(today), digits(3))
    .map(([a, area, birth, seq]) => `${a}${area}${birth}${seq}`);

export const validIdNumber = (today: Date): fc.Arbitrary<string> =>
  idBody(today).map((body) => body + idCheckChar(body));

const creditChar = fc.constantFrom(...CREDIT_ALPHABET.split(''));
const creditChars = (n: number): fc.Arbitrary<string> =>
  fc.array(creditChar, { minLength: n, maxLength: n }).map((a) => a.join(''));

export const creditBody: fc.Arbitrary<string> = fc
  .tuple(creditChars(2), digits(6), creditChars(9))
  .map(([head, area, org]) => head + area + org);

export const validCreditCode: fc.Arbitrary<string> = creditBody.map((b) => b + creditCheckChar(b));

export const MOBILE_PREFIXES = ['', '+86', '0086', '+86 ', '+86-', '0086 ', '0086-'] as const;

export const mobileDigits: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);
