import { t } from '../text';
import { checkTransformerSet, type TransformerGroup } from '../validators/capacity';
import type { RuleCheck } from './rule-context';
import { isGiven, num, param, str } from './rule-context';
import { figureFor } from './rules-periods';

/**
 * High-voltage capacity: an application lists its transformers as groups of count × size
 * ("transformerCount*transformerKva,transformer2Count*transformer2Kva"). A group is both fields
 * or neither; the total (plus an existing capacity for 增容) must stay within the limit of the
 * supply voltage where the rule set lists one.
 */
export const TRANSFORMER_CHECKS: Record<string, RuleCheck> = {
  TRANSFORMER_SET: (p, { fields }) => {
    const groups: TransformerGroup[] = [];
    for (const spec of param(p, 'groups').split(',')) {
      const [countKey = '', kvaKey = ''] = spec.split('*').map((s) => s.trim());
      const count = fields[countKey];
      const kva = fields[kvaKey];
      if (!isGiven(count) && !isGiven(kva)) continue;
      if (num(count) === undefined || num(kva) === undefined)
        return t(
          '每组变压器须同时填写台数和单台容量',
          'Each transformer line needs both the number and the size',
        );
      groups.push({ count: num(count)!, kva: num(kva)! });
    }
    const set = checkTransformerSet(groups);
    if (!set.ok) return set.reason;
    const existingKey = param(p, 'existingField');
    const existing = existingKey ? (num(fields[existingKey]) ?? 0) : 0;
    const total = existing + set.value;
    const voltage = str(fields[param(p, 'voltageField')]);
    const max = voltage ? figureFor(param(p, 'maxKvaByVoltage'), voltage) : undefined;
    if (max === undefined || total <= max) return undefined;
    return t(
      `${voltage}千伏供电的总容量不得超过${max} kVA（合计${total} kVA），请选择更高的供电电压`,
      `Total ${total} kVA exceeds ${max} kVA for ${voltage} kV supply: choose a higher voltage`,
    );
  },

  /**
   * 暂换: only because the transformer failed and no transformer of the same size is at hand,
   * so the temporary one is larger.
   */
  SWAP_LARGER: (p, { fields }) => {
    const cause = str(fields[param(p, 'causeField')]);
    if (cause !== undefined && cause !== 'fault')
      return t('暂换仅限受电变压器故障时办理', 'A temporary swap is only for a failed transformer');
    const current = num(fields[param(p, 'current')]);
    const swap = num(fields[param(p, 'swap')]);
    if (current === undefined || swap === undefined || swap > current) return undefined;
    return t(
      '暂换变压器容量须大于原变压器容量',
      'The temporary transformer must be larger than the current one',
    );
  },
};
