import type { Context } from 'hono';
import type { RegisterRefusal } from './auth';
import { fail } from './errors';

/** The answer to each refused registration: what the station's staff should do next. */
export function registerRefused(c: Context, reason: RegisterRefusal): Response {
  switch (reason) {
    case 'secret':
      return fail(
        c,
        'unauthenticated',
        '需要有效的登记码（开发口令仅在演示模式下可用）',
        'A valid enrolment code is required (the development secret works only in demo mode)',
        { field: 'enrolmentCode' },
      );
    case 'code_unknown':
      return fail(c, 'unauthenticated', '登记码无效', 'The enrolment code is not valid', {
        field: 'enrolmentCode',
      });
    case 'code_used':
      return fail(
        c,
        'unauthenticated',
        '登记码已使用过',
        'The enrolment code has already been used',
        {
          field: 'enrolmentCode',
        },
      );
    case 'code_expired':
      return fail(c, 'unauthenticated', '登记码已过期', 'The enrolment code has expired', {
        field: 'enrolmentCode',
      });
    case 'exists':
      return fail(
        c,
        'conflict',
        '该设备已登记；再次登记需要新的登记码',
        'This device is already enrolled; enrolling again needs a fresh enrolment code',
        { field: 'enrolmentCode' },
      );
    case 'revoked':
      return fail(c, 'forbidden', '该设备已被停用', 'This device has been disabled');
  }
}
