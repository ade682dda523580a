import { describe, expect, it } from 'vitest';
import { checkAddress } from './address';

const good = {
  province: '北京市',
  city: '北京市',
  district: '西城区',
  street: '金融街街道',
  detail: '西长安街86号',
};

describe('checkAddress', () => {
  it('accepts a structured address and trims it; street may be empty or absent', () => {
    expect(checkAddress({ ...good, detail: '  西长安街86号 ' })).toEqual({ ok: true, value: good });
    const { street: _s, ...noStreet } = good;
    expect(checkAddress(noStreet)).toEqual({ ok: true, value: { ...noStreet, street: '' } });
  });

  it.each(['province', 'city', 'district', 'detail'] as const)('requires %s', (key) => {
    const r = checkAddress({ ...good, [key]: '  ' });
    expect(r.ok).toBe(false);
  });

  it('rejects non-objects, non-text parts, over-long parts and control characters', () => {
    expect(checkAddress(null).ok).toBe(false);
    expect(checkAddress('北京市西城区').ok).toBe(false);
    expect(checkAddress([]).ok).toBe(false);
    expect(checkAddress({ ...good, city: 5 }).ok).toBe(false);
    expect(checkAddress({ ...good, detail: '号'.repeat(101) }).ok).toBe(false);
    expect(checkAddress({ ...good, detail: '号'.repeat(100) }).ok).toBe(true);
    expect(checkAddress({ ...good, detail: '86号\n1单元' }).ok).toBe(false);
    expect(checkAddress({ ...good, street: 'a\u0000b' }).ok).toBe(false);
  });

  it('never echoes the address in the reason', () => {
    const r = checkAddress({ ...good, detail: '西长安街86号\u0007' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.reason)).not.toContain('西长安街');
  });
});
