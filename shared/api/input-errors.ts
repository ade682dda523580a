import type { z } from 'zod';
import type { ApiErrorBody } from './errors';
import { fieldLabel } from './field-labels';

type Issue = z.core.$ZodIssue;
type Pair = [zh: string, en: string];

/** zod reports a missing value as the wrong type; its own text is the only place that says so. */
const isMissing = (issue: Issue): boolean =>
  issue.code === 'invalid_type' && /received undefined|received null/.test(issue.message);

const bound = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';

/** What is wrong and what to do, after the field's label (Chinese, English). */
function problem(issue: Issue): Pair {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? ['未填写，请填写后再提交', 'is missing; fill it in and submit again']
        : ['填写的内容类型不对，请按提示重新填写', 'has the wrong kind of value; enter it again'];
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string')
        return min === '1'
          ? ['不能为空，请填写', 'is empty; fill it in']
          : [`至少 ${min} 个字符，请补全`, `needs at least ${min} characters; complete it`];
      if (issue.origin === 'array' || issue.origin === 'set')
        return [`至少选择 ${min} 项，请补选`, `needs at least ${min} entries; add more`];
      return [`不能小于 ${min}，请修改`, `must be at least ${min}; change it`];
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string')
        return [`最多 ${max} 个字符，请删减`, `allows at most ${max} characters; shorten it`];
      if (issue.origin === 'array' || issue.origin === 'set')
        return [`最多 ${max} 项，请删减`, `allows at most ${max} entries; remove some`];
      return [`不能大于 ${max}，请修改`, `must be at most ${max}; change it`];
    }
    case 'invalid_format':
      return ['格式不正确，请检查后重新填写', 'has an invalid format; check it and enter it again'];
    case 'invalid_value':
      return [
        '的取值不在可选范围内，请从列表中选择',
        'is not one of the choices; pick one from the list',
      ];
    case 'unrecognized_keys':
      return [
        '含有不认识的项目，请刷新页面后重试',
        'has entries that are not known; reload the page and retry',
      ];
    default:
      return ['填写有误，请检查后重新填写', 'is not valid; check it and enter it again'];
  }
}

/**
 * Turns zod issues into a typed error naming each offending field by its label on screen (never
 * its key) and saying what to do; never echoes the value. A refinement may carry its own wording
 * in both languages (see clean-text.ts).
 */
export function invalidInput(issues: Issue[]): ApiErrorBody {
  const fieldErrors = issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    const label = fieldLabel(path);
    const own =
      issue.code === 'custom' ? (issue.params as { zh?: string; en?: string }) : undefined;
    const [zh, en] = own?.zh && own.en ? [own.zh, own.en] : problem(issue);
    return { field: path, message: `${label.zh}${zh}`, messageEn: `${label.en} ${en}` };
  });
  const first = fieldErrors[0] ?? {
    field: '(input)',
    message: '输入无效，请检查后重试',
    messageEn: 'Invalid input; check it and retry',
  };
  return {
    code: 'INVALID_INPUT',
    message: first.message,
    messageEn: first.messageEn,
    field: first.field,
    fieldErrors,
  };
}
