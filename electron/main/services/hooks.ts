import type { CallContext } from '../../../shared/api/dispatcher';
import type { AuditRecord } from './audit/trail';
import { unknownTicket } from './applications/errors';
import type { ApplicationService } from './applications/service';
import { hook, type AnyHook } from './compose';
import { protectedSearchHooks } from './protected-search';
import { kioskTicketHooks } from './queue/kiosk-limits';

export interface HookDeps {
  applications: Pick<ApplicationService, 'hasTicket'>;
  queue: { currentTicketId(): string | undefined };
  offlineTickets: { exists(id: string): boolean };
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  kickSync(): void;
  now: () => Date;
  /** Other areas' hooks, after these (the customer record's: customers/hooks.ts). */
  extra?: readonly AnyHook[];
}

/**
 * The cross-cutting work around the areas' methods, in one list: what happens besides the
 * method itself, and why. Runs in list order (befores, handler, afters).
 */
export function crossCuttingHooks(deps: HookDeps): AnyHook[] {
  /**
   * A ticket named by the caller must be one this station knows: the ticket it serves now,
   * one it issued offline, or one an application was already taken under.
   */
  const knownTicket = (id: string): boolean =>
    deps.queue.currentTicketId() === id ||
    deps.offlineTickets.exists(id) ||
    deps.applications.hasTicket(id);
  const ticketChecked = <T extends { ticketId?: string | undefined }>(input: T): T => {
    if (input.ticketId !== undefined && !knownTicket(input.ticketId)) throw unknownTicket();
    return input;
  };
  // Applications taken while this counter serves a ticket are linked to it.
  const withTicket = <T extends { ticketId?: string | undefined }>(input: T): T => {
    const ticketId = input.ticketId ?? deps.queue.currentTicketId();
    return ticketId ? { ...input, ticketId } : input;
  };

  return [
    // First: a refused search must not reach any other hook or the handler.
    ...protectedSearchHooks({ record: deps.record, now: deps.now }),
    ...kioskTicketHooks(),
    hook({
      method: 'applications.saveDraft',
      why: 'a named ticket must exist; else the served ticket is linked',
      before: (input) => withTicket(ticketChecked(input)),
    }),
    hook({
      method: 'applications.submit',
      why: 'a named ticket must exist; else the served ticket is linked',
      before: (input) => withTicket(ticketChecked(input)),
    }),
    hook({
      method: 'applications.submit',
      why: 'new work goes out at once instead of waiting for the idle poll',
      after: () => deps.kickSync(),
    }),
    hook({
      method: 'applications.openDraft',
      why: 'a draft comes back unmasked: a reveal, audited as one',
      after: (_draft, input, ctx) =>
        deps.record(ctx, { action: 'reveal', target: input.id, detail: { draft: true } }),
    }),
    hook({
      method: 'applications.receipt',
      why: 'every printed receipt leaves an audit row',
      after: (_receipt, input, ctx) => deps.record(ctx, { action: 'print', target: input.id }),
    }),
    hook({
      method: 'reports.export',
      why: 'every export leaves an audit row (PIPL: who exported what)',
      after: (file, input, ctx) =>
        deps.record(ctx, {
          action: 'export',
          target: input.report,
          detail: { format: input.format, rows: file.rows },
        }),
    }),
    ...(deps.extra ?? []),
  ];
}
