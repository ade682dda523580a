import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { requestMethods } from '../../../../shared/api/methods/requests';
import type { AuditRecord } from '../audit/trail';
import type { RequestService } from './service';

export interface RequestHandlerDeps {
  requests: RequestService;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  /** A fault report goes to central at once (its arrival commitment runs from now). */
  kickSync(): void;
}

/** Requests beside applications behind the contract; consent changes leave an audit row. */
export function createRequestHandlers(
  deps: RequestHandlerDeps,
): HandlersFor<typeof requestMethods> {
  const { requests: r, record, kickSync } = deps;
  const sent = <T>(value: T): T => {
    kickSync();
    return value;
  };
  return {
    'requests.catalogue': () => r.catalogue(),
    'requests.reportFault': (input, ctx) => sent(r.reportFault(input, ctx.actor)),
    'requests.subscribe': (input, ctx) => {
      const out = r.subscribe(input, ctx.actor);
      record(ctx, {
        action: 'consent_record',
        target: out.id,
        detail: { method: input.consentMethod, topics: input.topics.join(',') },
      });
      return sent(out);
    },
    'requests.withdrawConsent': (input, ctx) => {
      const out = r.withdrawConsent(input.id, ctx.actor);
      record(ctx, { action: 'consent_withdraw', target: input.id });
      return sent(out);
    },
    'requests.enquiry': (input, ctx) => sent(r.enquiry(input, ctx.actor)),
    'requests.list': (input) => ({ rows: r.list(input.kind, input.limit) }),
  };
}
