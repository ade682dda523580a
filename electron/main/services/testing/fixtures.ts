/**
 * Valid application inputs generated from the catalogue, for tests, the crash test and the
 * benchmarks (never used by product code). Values are synthetic: checksummed ID numbers and
 * credit codes that belong to nobody.
 */
import type {
  AccountKind,
  BusinessType,
  Catalogue,
  FieldDef,
} from '../../../../shared/catalogue/types';
import type { ApplicationInput, FieldValue, FieldValues } from '../../../../shared/api/schemas';
import { creditCheckChar, CREDIT_ALPHABET, idCheckChar } from '../../../../shared/validators';
import { fieldsFor, papersFor } from '../../../../shared/catalogue/applicability';
import { hallDate } from '../../../../shared/hall-time';

/** Small deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, 0, xs.length - 1)] as T;
const digits = (r: Random, n: number): string =>
  Array.from({ length: n }, () => String(int(r, 0, 9))).join('');

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
];

export const fakeName = (r: Random): string =>
  pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');

export const fakeOrgName = (r: Random): string =>
  `${pick(r, ['华', '东', '新', '鑫', '恒', '兴'])}${pick(r, ['源', '达', '泰', '盛'])}${pick(r, ['科技', '商贸', '餐饮', '物业'])}有限公司`;

/** A GB 11643 ID with a real birth date between 1950 and 2004 and the right check char. */
export function fakeIdNumber(r: Random): string {
  const y = int(r, 1950, 2004);
  const m = String(int(r, 1, 12)).padStart(2, '0');
  const d = String(int(r, 1, 28)).padStart(2, '0');
  const body = `${pick(r, ['110105', '310104', '440305', '350102', '510107'])}${y}${m}${d}${digits(r, 3)}`;
  return body + idCheckChar(body);
}

/** A GB 32100 credit code: 91 (enterprise) + area + organisation code + check char. */
export function fakeCreditCode(r: Random): string {
  let body = `91${pick(r, ['110105', '310104', '350100'])}`;
  while (body.length < 17) body += CREDIT_ALPHABET.charAt(int(r, 0, CREDIT_ALPHABET.length - 1));
  return body + creditCheckChar(body);
}

export const fakeMobile = (r: Random): string =>
  `1${pick(r, ['3', '5', '7', '8', '9'])}${digits(r, 9)}`;

export const fakeAccountNo = (r: Random): string => `${int(r, 1, 9)}${digits(r, 9)}`;

const isoDate = hallDate;

/** A value the field's validator accepts, as far as the field definition tells. */
export function fakeFieldValue(def: FieldDef, r: Random, now: Date): FieldValue {
  switch (def.kind) {
    case 'personName':
      return fakeName(r);
    case 'orgName':
      return fakeOrgName(r);
    case 'idNumber':
      return fakeIdNumber(r);
    case 'creditCode':
      return fakeCreditCode(r);
    case 'mobile':
      return fakeMobile(r);
    case 'accountNo':
      return fakeAccountNo(r);
    case 'address':
      return {
        province: '福建省',
        city: '福州市',
        district: '鼓楼区',
        street: '东街街道',
        detail: `${int(r, 1, 300)}号`,
      };
    case 'date':
      // Far enough ahead for notice periods (e.g. 5 working days before a pause); an end date
      // ("…Until") a month after the start, within every period limit.
      return isoDate(now.getTime() + (def.key.endsWith('Until') ? 60 : 30) * 86_400_000);
    case 'capacityKva':
    case 'capacityKw':
      return def.min !== undefined && def.min > 0 ? def.min : 50;
    case 'transformerKva':
      // 暂换 takes a larger transformer than the current one.
      return def.key === 'swapKva' ? 100 : 50;
    case 'integer':
      return def.min ?? def.max ?? 1;
    case 'select':
      return def.options?.[0]?.value ?? '';
    case 'textarea':
    case 'text':
      return def.key.toLowerCase().includes('reason') ? '生产需要' : '测试';
  }
}

/** A complete submit input for `type`: every field filled, every paper that applies received. */
export function fakeApplicationInput(
  type: BusinessType,
  r: Random,
  now: Date,
  accountKind: AccountKind = type.accountKinds[0] ?? 'lv_resident',
): ApplicationInput {
  const fields: FieldValues = {};
  // Fields whose `when` does not hold are dropped by validation, so filling all is harmless.
  for (const def of fieldsFor(type, accountKind)) fields[def.key] = fakeFieldValue(def, r, now);
  return {
    typeCode: type.code,
    accountKind,
    fields,
    papers: papersFor(type, accountKind, fields).map((p) => ({
      code: p.code,
      status: 'received' as const,
    })),
  };
}

/** The household new-connection type: the simplest full intake, used by the crash test. */
export function householdNewType(catalogue: Catalogue): BusinessType {
  const type = catalogue.types.find(
    (t) => t.family === 'new' && t.accountKinds.includes('lv_resident'),
  );
  if (!type) throw new Error('catalogue has no household new-connection type');
  return type;
}
