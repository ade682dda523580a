import { apiError, type ErrorCode } from '../../../../shared/api/errors';
import { CentralError, isBusinessRefusal, type CentralErrorKind } from '../central-client';

export const UNREACHABLE = apiError(
  'UNAVAILABLE',
  '暂时无法连接叫号系统（营业厅叫号服务器），请稍后重试；受理业务不受影响',
  'The shared queue (hall hub) cannot be reached; retry shortly. Taking applications still works',
);
export const NOT_CONFIGURED = apiError(
  'UNAVAILABLE',
  '本台未连接中心系统，共享叫号不可用；受理业务不受影响',
  'This station has no central system configured, so the shared queue is not available. Taking applications still works',
);
export const HUB_UNTRUSTED = apiError(
  'UNAVAILABLE',
  '叫号服务器的证书与本台配置的指纹不符，已拒绝连接；请联系管理员核对站点配置。受理业务不受影响',
  'The hall hub presented a certificate that does not match the fingerprint in this station’s config, so the connection was refused; ask the administrator to check the station config. Taking applications still works',
);
export const KIOSK_DRAFT_OFFLINE = apiError(
  'UNAVAILABLE',
  '暂时无法提交预填申请，请到服务台办理',
  'The pre-filled application cannot be sent just now; please go to the service desk',
);
/** Repeated kiosk misses: a rate limit like the protected-search one (429 over HTTP). */
export const lookupThrottled = (seconds: number) =>
  apiError(
    'RATE_LIMITED',
    `查询次数过多，请 ${seconds} 秒后再试`,
    `Too many look-ups; please try again in ${seconds} seconds`,
  );
export const LOOKUP_NOT_FOUND = apiError(
  'NOT_FOUND',
  '未找到匹配的申请，请核对申请编号和手机号',
  'No matching application; check the application number and the phone number',
);

/**
 * The shared queue cannot answer now: no answer, 5xx, 429, or an answer without a readable
 * refusal. A counter is told so; an issue falls back to an offline ticket.
 */
export const isUnavailable = (err: unknown): err is CentralError =>
  err instanceof CentralError && !isBusinessRefusal(err);

/** A refusal's kind as the contract's error code (any other refusal is a validation error). */
const CONTRACT_CODE: Partial<Record<CentralErrorKind, ErrorCode>> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unauthorized: 'FORBIDDEN',
  forbidden: 'FORBIDDEN',
  enrolment_refused: 'FORBIDDEN',
};

/** A refusal or an outage of the shared queue, as the contract's typed error. */
export function queueError(err: unknown): unknown {
  if (isBusinessRefusal(err)) {
    return apiError(CONTRACT_CODE[err.kind] ?? 'VALIDATION', err.body.message, err.body.messageEn, {
      ...(err.body.field ? { field: err.body.field } : {}),
    });
  }
  if (err instanceof CentralError && err.kind === 'untrusted') return HUB_UNTRUSTED;
  return isUnavailable(err) ? UNREACHABLE : err;
}
