import { apiError } from '../../../../shared/api/errors';

/** The errors a complaint step raises, each in zh-CN and English. */
export const notFound = () =>
  apiError('NOT_FOUND', '找不到该工单', 'Complaint not found', { field: 'id' });

/** The case moved on since the caller read it (its version no longer matches). */
export const stale = () =>
  apiError(
    'CONFLICT',
    '该工单已被他人处理，请刷新后再操作',
    'This case was changed elsewhere; refresh and try again',
    { field: 'version' },
  );

/** The step asked for does not follow from the case's current state. */
export const wrongStep = () =>
  apiError(
    'CONFLICT',
    '工单当前环节不能执行此操作',
    'This step is not possible at the case’s current stage',
    { field: 'id' },
  );
