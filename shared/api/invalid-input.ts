import type { z } from 'zod';
import type { ApiErrorBody } from './errors';

const FIELD_MESSAGES: Record<string, [string, string]> = {
  invalid_type: ['类型不正确', 'has the wrong type'],
  too_big: ['超出允许范围', 'is too large or too long'],
  too_small: ['不足最小要求', 'is too small or too short'],
  invalid_format: ['格式不正确', 'has an invalid format'],
  invalid_value: ['取值不在允许范围内', 'is not one of the allowed values'],
  unrecognized_keys: ['含有不允许的字段', 'has fields that are not allowed'],
};

/** Turns zod issues into a typed error naming the first offending field; never echoes values. */
export function invalidInput(issues: z.core.$ZodIssue[]): ApiErrorBody {
  const fieldErrors = issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    // A refinement may carry its own message in both languages (see clean-text.ts).
    const own =
      issue.code === 'custom' ? (issue.params as { zh?: string; en?: string }) : undefined;
    const [zh, en] =
      own?.zh && own.en ? [own.zh, own.en] : (FIELD_MESSAGES[issue.code] ?? ['无效', 'is invalid']);
    return { field: path, message: `字段 ${path} ${zh}`, messageEn: `Field ${path} ${en}` };
  });
  const first = fieldErrors[0] ?? {
    field: '(input)',
    message: '输入无效',
    messageEn: 'Invalid input',
  };
  return {
    code: 'INVALID_INPUT',
    message: first.message,
    messageEn: first.messageEn,
    field: first.field,
    fieldErrors,
  };
}
