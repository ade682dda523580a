import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, faultTotal, parseFaultSpec, pickFault } from './faults';

describe('fault specs', () => {
  it('reads rates, aliases and settings', () => {
    const plan = parseFaultSpec('drop=0.1,500=0.05,503=0.02,slowMs=900,retryAfter=3,refuseMs=50');
    expect(plan.rates).toMatchObject({ drop: 0.1, e500: 0.05, e503: 0.02, lostack: 0 });
    expect(plan).toMatchObject({ slowMs: 900, retryAfterSeconds: 3, refuseMs: 50 });
  });

  it('spreads all= evenly over every kind', () => {
    const plan = parseFaultSpec('all=0.4');
    for (const k of FAULT_KINDS) expect(plan.rates[k]).toBeCloseTo(0.05);
    expect(faultTotal(plan)).toBeCloseTo(0.4);
  });

  it('refuses unknown keys, bad numbers and totals over 1', () => {
    expect(() => parseFaultSpec('explode=0.1')).toThrow(/unknown key/);
    expect(() => parseFaultSpec('drop=abc')).toThrow(/cannot read/);
    expect(() => parseFaultSpec('drop=0.6,lostack=0.6')).toThrow(/more than 1/);
  });

  it('picks each kind in proportion to its rate', () => {
    const plan = parseFaultSpec('drop=0.25,e429=0.25');
    expect(pickFault(plan, 0.1)).toBe('drop');
    expect(pickFault(plan, 0.3)).toBe('e429');
    expect(pickFault(plan, 0.6)).toBeNull();
  });
});
