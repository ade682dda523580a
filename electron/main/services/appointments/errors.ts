import { apiError } from '../../../../shared/api/errors';
import { CentralError } from '../central-client';
import { isUnavailable, queueError } from '../queue/errors';

export const APPOINTMENTS_UNREACHABLE = apiError(
  'UNAVAILABLE',
  '暂时无法连接营业厅叫号服务器，预约暂不可用；请为客户正常取号（可选“预约”优先）并稍后补签到',
  'The hall hub cannot be reached, so appointments are not available just now: issue a regular ticket (the appointment priority may be chosen) and check the booking in later',
);
export const APPOINTMENTS_NOT_CONFIGURED = apiError(
  'UNAVAILABLE',
  '本台未连接营业厅叫号服务器，预约不可用',
  'This station has no hall hub or central system configured, so appointments are not available',
);

/**
 * A hub answer as the contract's error: refusals keep the hub's bilingual text (which names
 * no value), the hub's slow-down after repeated misses is RATE_LIMITED, an outage says what
 * to do instead (a pinned-certificate mismatch keeps its own message).
 */
export function appointmentError(err: unknown): unknown {
  if (err instanceof CentralError && err.status === 429 && err.body?.reason === 'too_many_misses') {
    return apiError('RATE_LIMITED', err.body.message, err.body.messageEn);
  }
  if (isUnavailable(err) && err.kind !== 'untrusted') return APPOINTMENTS_UNREACHABLE;
  return queueError(err);
}

// Check-in from the station's copy with the hub down: the hub's own answers, word for word.
export const OFFLINE_NOT_FOUND = apiError(
  'NOT_FOUND',
  '未找到该预约，请核对手机号和预约码',
  'No such appointment: check the mobile number and the booking code',
);
export const OFFLINE_RATE_LIMITED = apiError(
  'RATE_LIMITED',
  '核对失败次数过多，请稍后再试或到服务台办理',
  'Too many failed attempts: try again later or ask at the service desk',
);
export const OFFLINE_ALREADY_CHECKED_IN = apiError(
  'CONFLICT',
  '该预约已签到',
  'This appointment is already checked in',
  { field: 'code' },
);
export const OFFLINE_NOT_TODAY = apiError(
  'CONFLICT',
  '只能在预约当天签到',
  'An appointment can only be checked in on its own day',
  { field: 'code' },
);
export const OFFLINE_NO_SHOW = apiError(
  'CONFLICT',
  '该预约已超过签到时间，已记为爽约，请正常取号',
  'This appointment was missed (past its check-in time): take a regular ticket',
  { field: 'code' },
);
export const OFFLINE_UNKNOWN_SERVICE = apiError(
  'CONFLICT',
  '本台没有该预约的业务队列，请正常取号',
  'This station does not know the appointment’s queue service: take a regular ticket',
);
