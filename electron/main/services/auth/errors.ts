import { apiError } from '../../../../shared/api/errors';

// One message for "no such staff number" and "wrong secret": the answer tells nobody which.
export const badCredentials = () =>
  apiError('UNAUTHENTICATED', '工号或密码错误', 'Wrong staff number or password', {
    field: 'secret',
  });

export const accountLocked = () =>
  apiError(
    'FORBIDDEN',
    '连续输错 5 次，账号已锁定，请主管解锁',
    'Locked after 5 failed attempts; ask a supervisor to unlock it',
    { field: 'staffNo' },
  );

export const signInRequired = () =>
  apiError('UNAUTHENTICATED', '请先登录', 'Please sign in first', { field: 'session' });

export const roleForbidden = () =>
  apiError('FORBIDDEN', '当前角色无权执行此操作', 'Your role may not do this');

export const setupDone = () =>
  apiError('CONFLICT', '主管账号已创建，请直接登录', 'The supervisor exists already; sign in', {
    field: 'staffNo',
  });

export const accountExists = () =>
  apiError('CONFLICT', '该工号已存在', 'This staff number exists already', { field: 'staffNo' });

export const accountNotFound = () =>
  apiError('NOT_FOUND', '找不到该工号', 'No such staff number', { field: 'staffNo' });
