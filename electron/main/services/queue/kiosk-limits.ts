import { apiError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/dispatcher';
import { KIOSK_PRIORITIES, type Priority } from '../../../../shared/queue/schemas';
import { hook, type AnyHook } from '../compose';

const PRIORITY_REFUSED = apiError(
  'FORBIDDEN',
  '自助终端只能取普通号或老年人优先号；VIP、绿色通道请到引导台办理，预约请先签到',
  'The kiosk issues only normal and elderly-care tickets; ask the guide desk for VIP or the green channel, and check a booking in for appointment priority',
  { field: 'priority' },
);
const CUSTOMER_REFUSED = apiError(
  'FORBIDDEN',
  '自助终端不能按客户档案取号，请到引导台办理',
  'The kiosk cannot issue a ticket for a customer record; ask the guide desk',
  { field: 'customerId' },
);

const mayAsk = (priority: Priority): boolean =>
  (KIOSK_PRIORITIES as readonly Priority[]).includes(priority);

/** Throws when a kiosk caller asks for a priority or a customer record only staff may give. */
function checkKiosk(input: { priority: Priority; customerId?: string }, ctx: CallContext): void {
  if (ctx.role !== 'kiosk') return;
  if (!mayAsk(input.priority)) throw PRIORITY_REFUSED;
  if (input.customerId !== undefined) throw CUSTOMER_REFUSED;
}

/**
 * The kiosk's screen offers only normal and elderly care; the services hold it to that, since
 * its callers are unattended. Before every other hook: a customer record named by a kiosk must
 * not reach the customer hook (which raises the priority by tags or answers "not found").
 */
export function kioskTicketHooks(): AnyHook[] {
  return [
    hook({
      method: 'queue.issue',
      why: 'a kiosk asks only for the priorities its screen offers, and never by customer record',
      before: (input, ctx) => {
        checkKiosk(input, ctx);
        return input;
      },
    }),
    hook({
      method: 'kiosk.startApplication',
      why: 'a kiosk asks only for the priorities its screen offers',
      before: (input, ctx) => {
        checkKiosk(input, ctx);
        return input;
      },
    }),
  ];
}
