import { apiError } from '../../../../shared/api/errors';

/**
 * One answer for a wrong secret, an unknown staff number, a locked and a disabled account: the
 * text and code tell nobody which (and the time taken does not either, see signin.ts). It names
 * the lockout rule instead of the attempts left, which would tell that the account exists.
 */
export const badCredentials = () =>
  apiError(
    'UNAUTHENTICATED',
    '工号或密码错误。连续输错 5 次账号将暂时锁定（15 分钟起），请稍后再试或请主管解锁',
    'Wrong staff number or password. After 5 failures in a row the account is locked for a while (15 minutes or more); try later or ask a supervisor',
    { field: 'secret' },
  );

/** The same for recovery: unknown staff number, not a supervisor, wrong or used code. */
export const badRecovery = () =>
  apiError('UNAUTHENTICATED', '工号或恢复码错误', 'Wrong staff number or recovery code', {
    field: 'recoveryCode',
  });

export const wrongCurrentSecret = () =>
  apiError('VALIDATION', '当前密码不正确', 'The current password is wrong', { field: 'current' });

export const signInRequired = () =>
  apiError('UNAUTHENTICATED', '请先登录', 'Please sign in first', { field: 'session' });

export const roleForbidden = () =>
  apiError('FORBIDDEN', '当前角色无权执行此操作', 'Your role may not do this');

export const setupDone = () =>
  apiError('CONFLICT', '主管账号已创建，请直接登录', 'The supervisor exists already; sign in', {
    field: 'staffNo',
  });

export const accountExists = () =>
  apiError(
    'CONFLICT',
    '该工号已存在（工号不区分大小写）',
    'This staff number exists already (staff numbers ignore case)',
    { field: 'staffNo' },
  );

export const accountNotFound = () =>
  apiError('NOT_FOUND', '找不到该工号', 'No such staff number', { field: 'staffNo' });

export const lastSupervisor = () =>
  apiError(
    'CONFLICT',
    '这是最后一名可用的主管，不能停用或改为其他角色；请先添加或启用另一名主管',
    'This is the last active supervisor: it cannot be disabled or given another role; add or enable another supervisor first',
    { field: 'staffNo' },
  );
