import { apiError } from '../../../../shared/api/errors';
import { fieldErrorsToApiError } from '../../../../shared/catalogue';

/** The application service's refusals: they name the field, never echo a value. */
export const notFound = () =>
  apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });

export const alreadySubmitted = () =>
  apiError('CONFLICT', '该申请已提交，不能再修改', 'This application was already submitted', {
    field: 'id',
  });

export const staleVersion = () =>
  apiError(
    'CONFLICT',
    '该草稿已被他人修改，请重新打开后再保存',
    'This draft was changed elsewhere; reopen it before saving',
    { field: 'baseVersion' },
  );

export const notSubmitted = () =>
  apiError('CONFLICT', '该申请尚未提交，无需修正', 'This application was not submitted yet', {
    field: 'id',
  });

export const noReceiptYet = () =>
  apiError(
    'CONFLICT',
    '该申请尚未提交，没有受理回执',
    'This application has not been submitted; there is no receipt yet',
    { field: 'id' },
  );

export const unknownType = () =>
  apiError('VALIDATION', '业务类型不存在', 'Unknown business type', { field: 'typeCode' });

/** A retried submit must carry what the first one carried; anything else is a new application. */
export const clientIdReused = () =>
  apiError(
    'CONFLICT',
    '该申请编号已用于另一份内容不同的申请，请新建申请后再提交',
    'This application id was already used for different content; start a new application',
    { field: 'id' },
  );

export const unknownTicket = () =>
  fieldErrorsToApiError([
    {
      field: 'ticketId',
      message: '排队号不存在或不属于本窗口',
      messageEn: 'No such queue ticket at this counter',
    },
  ]);

export const notYourDraft = () =>
  apiError(
    'FORBIDDEN',
    '只有保存该草稿的业务员或主管可以打开它',
    'Only the clerk who saved this draft, or a supervisor, may open it',
    { field: 'id' },
  );

/** catalogue.get for a version this build does not ship. */
export const catalogueNotShipped = () =>
  apiError('NOT_FOUND', '本机没有该业务目录版本', 'This catalogue version is not installed here', {
    field: 'version',
  });
