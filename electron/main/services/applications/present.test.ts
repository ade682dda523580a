import { describe, expect, it } from 'vitest';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { diffForHistory, maskFieldValue } from './present';

const close = findType(CATALOGUE, 'CHG_CLOSE');
const household = findType(CATALOGUE, 'NEW_LV_RES');

describe('maskFieldValue', () => {
  it('masks every field the catalogue marks personal, whatever its kind', () => {
    for (const type of CATALOGUE.types) {
      for (const def of type.fields.filter((f) => f.personal)) {
        const kind = def.accountKinds?.[0] ?? type.accountKinds[0] ?? 'lv_resident';
        const raw =
          def.kind === 'address'
            ? {
                province: '福建省',
                city: '福州市',
                district: '鼓楼区',
                street: '',
                detail: '东街88号',
              }
            : def.kind === 'mobile'
              ? '13812345678'
              : '6222020200112233445';
        const shown = maskFieldValue({ type, accountKind: kind }, def.key, raw);
        expect(JSON.stringify(shown), `${type.code}.${def.key}`).not.toContain(
          typeof raw === 'string' ? raw.slice(3, 7) : '88号',
        );
      }
    }
  });

  it('keeps the last four characters of a refund account', () => {
    if (!close) throw new Error('no CHG_CLOSE type');
    const def = close.fields.find((f) => f.key === 'refundAccountNo');
    if (!def) throw new Error('CHG_CLOSE has no refundAccountNo');
    expect(
      maskFieldValue({ type: close, accountKind: 'lv_resident' }, def.key, '6222020200112233445'),
    ).toBe('***************3445');
  });

  it('hides values of fields the catalogue does not know', () => {
    expect(maskFieldValue({ type: household, accountKind: 'lv_resident' }, 'mystery', 'x1')).toBe(
      '***',
    );
  });

  it('masks a phone or ID number typed into the remarks, and keeps the rest of the text', () => {
    const shown = maskFieldValue(
      { type: household, accountKind: 'lv_resident' },
      'remark',
      '客户手机13812345678，身份证11010519491231002X，630 kVA',
    );
    expect(shown).toBe('客户手机138****5678，身份证110***********002X，630 kVA');
  });

  it('leaves non-personal values as they are', () => {
    expect(maskFieldValue({ type: household, accountKind: 'lv_resident' }, 'requestedKva', 8)).toBe(
      8,
    );
  });
});

describe('diffForHistory', () => {
  it('names only what changed', () => {
    const ctx = { type: household, accountKind: 'lv_resident' };
    const before = {
      typeCode: 'NEW_LV_RES',
      accountKind: 'lv_resident',
      fields: { requestedKva: 8, mobile: '13812345678' },
      papers: [],
    };
    const changes = diffForHistory(ctx, before, {
      ...before,
      fields: { requestedKva: 10, mobile: '13812345678' },
    });
    expect(changes).toEqual({ requestedKva: { from: 8, to: 10 } });
  });
});

describe('diffForHistory compares values as JSON', () => {
  const ctx = { type: household, accountKind: 'lv_resident' };
  const base = { typeCode: 'NEW_LV_RES', accountKind: 'lv_resident', papers: [] };
  const address = () => ({
    province: '福建省',
    city: '福州市',
    district: '鼓楼区',
    street: '',
    detail: '东街88号',
  });

  it('an equal address in another object, equal papers and equal numbers are no change', () => {
    const changes = diffForHistory(
      ctx,
      {
        ...base,
        papers: [{ code: 'ID_CARD', status: 'received' }],
        fields: { address: address(), requestedKva: 8 },
      },
      {
        ...base,
        papers: [{ code: 'ID_CARD', status: 'received' }],
        fields: { address: address(), requestedKva: 8 },
      },
    );
    expect(changes).toEqual({});
  });

  it('a number and its text, an empty text and nothing, true and "yes" are changes', () => {
    const changes = diffForHistory(
      ctx,
      { ...base, fields: { requestedKva: 8, remark: '', agent: true } },
      { ...base, fields: { requestedKva: '8', remark: null, agent: 'yes' } },
    );
    expect(Object.keys(changes).sort()).toEqual(['agent', 'remark', 'requestedKva']);
  });

  it('a new application names every value, masked', () => {
    const changes = diffForHistory(ctx, null, {
      ...base,
      fields: { mobile: '13812345678', requestedKva: 8 },
    });
    expect(changes.mobile).toEqual({ from: null, to: '138****5678' });
    expect(changes.requestedKva).toEqual({ from: null, to: 8 });
    expect(changes.typeCode).toEqual({ from: null, to: 'NEW_LV_RES' });
  });
});
