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
