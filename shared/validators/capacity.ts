import { fail, pass, type Check } from './check';

/** Standard distribution-transformer sizes (kVA), docs/domain.md "Checks". */
export const STANDARD_TRANSFORMER_KVA: readonly number[] = [
  10, 20, 30, 50, 80, 100, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500,
  3150, 4000, 5000, 6300, 8000, 10000,
];

export const isStandardTransformerKva = (n: number): boolean =>
  STANDARD_TRANSFORMER_KVA.includes(n);

/** A transformer capacity must be one of the standard sizes. */
export function checkTransformerKva(n: number): Check<number> {
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail('变压器容量应为数字', 'Transformer capacity must be a number');
  if (!isStandardTransformerKva(n))
    return fail(
      '变压器容量不是标准容量（10、20、30 … 10000 kVA）',
      'Transformer capacity is not a standard size (10, 20, 30 … 10000 kVA)',
    );
  return pass(n);
}

export interface CapacityRange {
  min?: number;
  max?: number;
}

/** A capacity (kVA / kW): a positive number within the configured range. */
export function checkCapacityKva(n: number, range: CapacityRange = {}): Check<number> {
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail('容量应为数字', 'Capacity must be a number');
  if (n <= 0) return fail('容量应大于0', 'Capacity must be greater than 0');
  if (range.min !== undefined && n < range.min)
    return fail(`容量不能小于${range.min}`, `Capacity must be at least ${range.min}`);
  if (range.max !== undefined && n > range.max)
    return fail(`容量不能大于${range.max}`, `Capacity must be at most ${range.max}`);
  return pass(n);
}

/**
 * 增容: the added capacity must be positive and, where the supply is by transformer (high voltage),
 * the new total (existing + added) must be a standard transformer size. Returns the total.
 */
export function checkIncreaseTotal(
  existing: number,
  added: number,
  options: { requireStandard?: boolean } = {},
): Check<number> {
  const requireStandard = options.requireStandard ?? true;
  if (!Number.isFinite(existing) || existing < 0)
    return fail('原有容量应为非负数', 'Existing capacity must be a non-negative number');
  if (!Number.isFinite(added) || added <= 0)
    return fail('新增容量应大于0', 'Added capacity must be greater than 0');
  const total = existing + added;
  if (requireStandard && !isStandardTransformerKva(total))
    return fail(
      '增容后总容量（原有+新增）不是标准变压器容量',
      'Total after the increase (existing + added) is not a standard transformer size',
    );
  return pass(total);
}

/** One line of an application's transformer list: `count` transformers of `kva` each. */
export interface TransformerGroup {
  count: number;
  kva: number;
}

/**
 * A transformer list (e.g. 2 × 630 kVA): every transformer is a standard size, counts are whole
 * and positive. The standard series applies per transformer, never to the total, so 2 × 630 =
 * 1260 kVA is a valid installation. Returns the total capacity in kVA.
 */
export function checkTransformerSet(groups: readonly TransformerGroup[]): Check<number> {
  if (groups.length === 0) return fail('至少填写一组变压器', 'List at least one transformer');
  let total = 0;
  for (const g of groups) {
    if (!Number.isInteger(g.count) || g.count < 1)
      return fail('变压器台数应为正整数', 'The number of transformers must be a whole number ≥ 1');
    const each = checkTransformerKva(g.kva);
    if (!each.ok) return each;
    total += g.count * g.kva;
  }
  return pass(total);
}
