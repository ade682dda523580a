import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffNameSchema } from '../auth/schemas';
import { KioskDraftSchema } from '../queue/kiosk';
import { invalidInput } from './dispatcher';
import { ComplaintTakeInputSchema } from './methods/complaints';
import { AddressSchema, FieldValuesSchema } from './schemas';
import { textProblem, type TextProblem } from './clean-text';

/** Letters people's and companies' names are made of, decomposed forms included. */
const nameChar = fc.constantFrom(
  ...'王芳李娜张伟刘洋陈静杨帆赵磊黄敏周杰吴刚徐丽孙强马超朱琳胡斌郭峰何雪高远林涛罗宁',
  ...'abcxyzABCXYZ',
  '·',
  '-',
  "'",
  'e\u0301', // é decomposed: NFC turns it into one character
  'A\u030A', // Å decomposed
  '\u00E9',
  'ü',
  '（',
  '）',
);
const validName = fc
  .array(nameChar, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim().length > 0);

/** One example per class, each of which must be refused. */
const BAD: Record<TextProblem, fc.Arbitrary<string>> = {
  surrogate: fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
  replacement: fc.constant('\uFFFD'),
  bidi: fc.constantFrom(
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ),
  control: fc.constantFrom(
    '\u0000',
    '\u0007',
    '\u001B',
    '\u007F',
    '\u0085',
    '\u200B',
    '\uFEFF',
    '\u2028',
  ),
};

/** A valid name with one bad character put somewhere inside it. */
const spoiled = (problem: TextProblem) =>
  fc
    .tuple(validName, BAD[problem], fc.nat())
    .map(([name, bad, at]) => {
      const i = at % (name.length + 1);
      return name.slice(0, i) + bad + name.slice(i);
    })
    .filter((s) => textProblem(s, 'name') === problem);

/** Every place a name is taken, as the contract parses it. */
const NAME_SLOTS = {
  'fields.applicantName': (v: string) => FieldValuesSchema.safeParse({ applicantName: v }),
  'fields.agentName': (v: string) => FieldValuesSchema.safeParse({ agentName: v }),
  'complaint.customerName': (v: string) =>
    ComplaintTakeInputSchema.pick({ customerName: true }).safeParse({ customerName: v }),
  'account.name': (v: string) => StaffNameSchema.safeParse(v),
  'kiosk.applicantName': (v: string) =>
    KioskDraftSchema.shape.fields.shape.applicantName.safeParse(v),
  'address.detail': (v: string) => AddressSchema.shape.detail.safeParse(v),
};

const valueOf = (r: { success: boolean; data?: unknown }): unknown => {
  const d = r.data;
  if (typeof d === 'string') return d;
  if (d && typeof d === 'object') return Object.values(d)[0];
  return undefined;
};

describe('clean text in the contract', () => {
  it.each(Object.entries(NAME_SLOTS))('%s: a valid name survives, NFC-normalised', (_, parse) => {
    fc.assert(
      fc.property(validName, (name) => {
        const r = parse(name);
        expect(r.success).toBe(true);
        expect(valueOf(r)).toBe(
          _.startsWith('fields.') ? name.normalize('NFC') : name.normalize('NFC').trim(),
        );
      }),
      { numRuns: 150 },
    );
  });

  for (const problem of Object.keys(BAD) as TextProblem[]) {
    it.each(Object.entries(NAME_SLOTS))(`%s: refuses a name with a ${problem}`, (slot, parse) => {
      fc.assert(
        fc.property(spoiled(problem), (bad) => {
          const r = parse(bad);
          expect(r.success).toBe(false);
          const body = invalidInput(r.error!.issues);
          const issue = r.error!.issues.find((i) => i.code === 'custom');
          expect((issue?.params as { textProblem?: string }).textProblem).toBe(problem);
          // The field error speaks both languages and never repeats the value.
          expect(body.message).toMatch(/[\u4e00-\u9fff]/);
          expect(body.messageEn).toMatch(/[a-z]/);
          expect(body.message + body.messageEn).not.toContain(bad);
          if (slot.startsWith('fields.')) expect(body.field).toBe(slot.split('.')[1]);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('lets free text keep line breaks and tabs but refuses the same bad classes', () => {
    const note = KioskDraftSchema.shape.note;
    expect(note.parse('第一行\n第二行\tend\r\n')).toBe('第一行\n第二行\tend\r\n');
    expect(FieldValuesSchema.parse({ remark: '一\n二' })).toEqual({ remark: '一\n二' });
    for (const bad of ['a\u202Eb', 'a\uD800', 'a\uFFFD', 'a\u0000b', 'a\u001Bb']) {
      expect(note.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      const content = ComplaintTakeInputSchema.shape.content;
      expect(content.safeParse(`内容${bad}`).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names refuse line breaks and invisible characters that free text may hold', () => {
    expect(StaffNameSchema.safeParse('王\n芳').success).toBe(false);
    expect(StaffNameSchema.safeParse('王\u200D芳').success).toBe(false);
    expect(FieldValuesSchema.safeParse({ applicantName: '王\t芳' }).success).toBe(false);
  });
});
