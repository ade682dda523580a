import { apiError } from '../../../../shared/api/errors';

/** The customer area's refusals, zh-CN first; never naming a personal value. */
export const customerNotFound = (field = 'customerId') =>
  apiError('NOT_FOUND', '找不到该客户', 'Customer not found', { field });

export const unknownTag = () =>
  apiError(
    'VALIDATION',
    '没有这个客户标签，请先由值班长定义',
    'No such customer tag; a supervisor defines it first',
    {
      field: 'tag',
      fieldErrors: [
        {
          field: 'tag',
          message: '没有这个客户标签，请先由值班长定义',
          messageEn: 'No such customer tag; a supervisor defines it first',
        },
      ],
    },
  );

export const tagNotSet = () =>
  apiError('CONFLICT', '该客户没有这个标签', 'The customer does not have this tag', {
    field: 'tag',
  });

export const mergeRefused = (zh: string, en: string) =>
  apiError('CONFLICT', zh, en, { field: 'fromId' });

export const unknownManager = () =>
  apiError(
    'VALIDATION',
    '客户经理须为已启用的员工账号',
    'The account manager must be an enabled staff account',
    {
      field: 'manager',
      fieldErrors: [
        {
          field: 'manager',
          message: '客户经理须为已启用的员工账号',
          messageEn: 'The account manager must be an enabled staff account',
        },
      ],
    },
  );
