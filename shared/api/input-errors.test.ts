import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { invalidInput } from './input-errors';
import { FIELD_LABELS, fieldLabel } from './field-labels';

/** Parses `input` with a method's input schema and maps the failure as the dispatcher does. */
function errorsOf(method: keyof typeof contract, input: unknown) {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) throw new Error(`${method} accepted the input`);
  return invalidInput(parsed.error.issues);
}

const RAW_KEY = /字段 [A-Za-z]|[A-Za-z]{2,}/;

describe('input error messages', () => {
  it('names a complaint field by its label and says what to do', () => {
    const body = errorsOf('complaints.take', {
      customerName: '',
      channel: 'counter',
      kind: 'complaint',
      content: '停电',
    });
    const hit = body.fieldErrors?.find((f) => f.field === 'customerName');
    expect(hit?.message).toBe('客户姓名不能为空，请填写');
    expect(hit?.messageEn).toBe("Customer's name is empty; fill it in");
  });

  it('names the staff number at sign-in by its label, in Chinese only', () => {
    const body = errorsOf('auth.signIn', { staffNo: 12, secret: 'x' });
    expect(body.field).toBe('staffNo');
    expect(body.message).toMatch(/^工号/);
    expect(body.message).not.toMatch(RAW_KEY);
  });

  it('takes application field labels from the catalogue', () => {
    expect(fieldLabel('fields.idNumber').zh).toBe('申请人证件号码');
    expect(fieldLabel('tariffs.2.price').zh).toBe('价格');
    expect(fieldLabel('somethingNew').zh).toBe('输入内容');
  });

  it('says the bound for numbers and lengths', () => {
    const body = invalidInput([
      {
        code: 'too_big',
        origin: 'number',
        maximum: 160,
        inclusive: true,
        path: ['fields', 'capacityKva'],
        message: '',
        input: undefined,
      },
    ]);
    expect(body.message).toMatch(/不能大于 160，请修改$/);
  });

  it('never shows a raw key or an English word in any Chinese message of any method', () => {
    let checked = 0;
    for (const [name, spec] of Object.entries(contract)) {
      // A wrong type everywhere: every top-level key of the method reports an error.
      const parsed = spec.input.safeParse({ __unknown: 1, ...garbageFor(spec.input) });
      if (parsed.success) continue;
      for (const f of invalidInput(parsed.error.issues).fieldErrors ?? []) {
        checked += 1;
        expect(f.message, `${name} ${f.field}`).not.toMatch(RAW_KEY);
      }
    }
    console.log(`Chinese input-error messages checked across the contract: ${checked}`);
    expect(checked).toBeGreaterThan(50);
  });

  it('labels every key in its table in both languages', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      expect(label.zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en, key).toMatch(/[A-Za-z]/);
    }
  });
});

/** An object giving each top-level key of an object schema a value of the wrong type. */
function garbageFor(schema: unknown): Record<string, unknown> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.fromEntries(Object.keys(shape).map((k) => [k, Symbol.for(k)])) : {};
}
