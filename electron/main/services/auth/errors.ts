import { apiError } from '../../../../shared/api/errors';
import { MAX_FAILED_ATTEMPTS } from './accounts';
import type { AttemptState } from './attempts';

/**
 * One answer for a wrong secret, an unknown staff number, a locked and a disabled account: the
 * text and code tell nobody which (and the time taken does not either, see signin.ts). The
 * attempts left come from the typed staff number's own count (attempts.ts), never from the
 * account, so they do not tell either.
 */
export function badCredentials(state: AttemptState, at: number) {
  if (state.lockedUntil !== null) {
    const minutes = Math.max(1, Math.ceil((state.lockedUntil - at) / 60_000));
    return apiError(
      'UNAUTHENTICATED',
      `工号或密码错误次数过多，已暂时锁定，请 ${minutes} 分钟后再试，或请主管解锁`,
      `Too many wrong attempts: locked for now; try again in ${minutes} minutes or ask a supervisor to unlock`,
      { field: 'secret' },
    );
  }
  return apiError(
    'UNAUTHENTICATED',
    `工号或密码错误，还可尝试 ${state.left} 次；连续输错 ${MAX_FAILED_ATTEMPTS} 次将暂时锁定（15 分钟起），也可请主管解锁`,
    `Wrong staff number or password: ${state.left} ${state.left === 1 ? 'attempt' : 'attempts'} left; after ${MAX_FAILED_ATTEMPTS} failures in a row it is locked for a while (15 minutes or more), or ask a supervisor`,
    { field: 'secret' },
  );
}

/** The same for recovery: unknown staff number, not a supervisor, wrong or used code. */
export const badRecovery = () =>
  apiError('UNAUTHENTICATED', '工号或恢复码错误', 'Wrong staff number or recovery code', {
    field: 'recoveryCode',
  });

export const wrongCurrentSecret = () =>
  apiError('VALIDATION', '当前密码不正确', 'The current password is wrong', { field: 'current' });

/** A new secret the shared rule refuses (secretWeakness), named by its field like an input error. */
export const weakSecret = (field: string, weak: { zh: string; en: string }) =>
  apiError('INVALID_INPUT', `新密码${weak.zh}`, `New password or PIN ${weak.en}`, {
    field,
    fieldErrors: [
      { field, message: `新密码${weak.zh}`, messageEn: `New password or PIN ${weak.en}` },
    ],
  });

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
