import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from './typed-number';

describe('parseTypedNumber', () => {
  it('keeps an out-of-range number exactly as typed (no clamping)', () => {
    expect(parseTypedNumber('300')).toBe(300);
    expect(parseTypedNumber('160.5')).toBe(160.5);
  });
  it('reads full-width digits and trims spaces', () => {
    expect(parseTypedNumber(' ３００ ')).toBe(300);
  });
  it('leaves text that is not a number as text, and empty as null', () => {
    expect(parseTypedNumber('3OO')).toBe('3OO');
    expect(parseTypedNumber('1e3')).toBe('1e3');
    expect(parseTypedNumber('')).toBeNull();
    expect(parseTypedNumber('  ')).toBeNull();
  });
});
