import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { queueMethods } from '../../../../shared/api/methods/queue';
import type { QueueService } from './service';

export interface QueueHandlerOptions {
  /** The customer ids an account manager looks after ("call my customer"; customer record). */
  myCustomers?: (staffNo: string) => string[];
}

/** The contract's queue, guide and kiosk methods; the acting user comes from the binding. */
export function createQueueHandlers(
  queue: QueueService,
  opts: QueueHandlerOptions = {},
): HandlersFor<typeof queueMethods> {
  return {
    'station.get': () => queue.stationInfo(),
    'queue.status': () => queue.status(),
    'queue.config': () => queue.config(),
    'queue.saveConfig': (input) => queue.saveConfig(input.config),
    'queue.issue': (input) => queue.issue(input),
    'queue.cancel': (input) => queue.cancel(input.ticketId),
    'queue.callNext': async (input, ctx) => {
      if (!input.mine) return queue.callNext(input.services);
      // A manager without customers has nobody to call first: nothing, not the next anyone.
      const mine = (opts.myCustomers?.(ctx.actor) ?? []).slice(0, 500);
      return mine.length === 0 ? { ticket: null } : queue.callNext(input.services, mine);
    },
    'queue.current': () => queue.current(),
    'queue.recall': (input) => queue.recall(input.ticketId),
    'queue.serve': (input) => queue.serve(input.ticketId),
    'queue.noShow': (input) => queue.noShow(input.ticketId),
    'queue.transfer': (input) => queue.transfer(input.ticketId, input.toService),
    'queue.undo': (input) => queue.undo(input.ticketId, input.action),
    'queue.requeue': (input) => queue.requeue(input.ticketId),
    'queue.finish': (input) => queue.finish(input.ticketId, input.servicesDone),
    'queue.verifyKioskDraft': (input, ctx) => queue.verifyKioskDraft(input.ticketId, ctx.actor),
    'queue.tickets': (input) => queue.tickets(input),
    'queue.board': (input) => queue.board(input.limit),
    'queue.measures': (input) => queue.measures(input),
    'guide.saveChecklist': (input, ctx) => queue.checklists.save(input, ctx.actor),
    'guide.checklists': (input) => queue.checklists.list(input.limit),
    'kiosk.content': () => queue.kioskContent(),
    'kiosk.saveContent': (input) => queue.saveKioskContent(input),
    'kiosk.lookup': (input) => queue.lookup(input),
    'kiosk.startApplication': (input) => queue.startApplication(input.draft, input.priority),
    'kiosk.rate': (input) => queue.rate(input),
  };
}
