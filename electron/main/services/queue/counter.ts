import { createApplicationRepository } from '../applications/repository';
import { v7 as uuidv7 } from 'uuid';
import { ApiError, apiError } from '../../../../shared/api/errors';
import type {
  ApplicationDetail,
  ApplicationInput,
  FieldValues,
} from '../../../../shared/api/schemas';
import type { Ticket, UndoAction } from '../../../../shared/queue/schemas';
import { CurrentSchema, SETTINGS, type QueueContext } from './context';
import type { Database } from '../db';
import { isUnavailable, queueError } from './errors';

/**
 * The served ticket's id as last stored, per database handle: every save and submit asks for
 * it (hooks.ts), and remember() below is its only writer, so it is read from the table once.
 */
const servedTickets = new WeakMap<Database, string | undefined>();

/**
 * The counter's side of the queue: calling, serving, transferring and finishing tickets, the
 * ticket this counter serves now (applications taken meanwhile are linked to it), and taking
 * over a kiosk draft.
 */
export function createCounter(
  ctx: QueueContext,
  saveDraft: (input: ApplicationInput, actor: string) => ApplicationDetail,
) {
  const { settings, remote } = ctx;

  function remember(ticket: Ticket | null): void {
    const active = ticket && (ticket.state === 'called' || ticket.state === 'serving');
    const current = active ? { id: ticket.id, number: ticket.number } : null;
    settings.write(SETTINGS.current, current);
    servedTickets.set(ctx.db, current?.id);
  }

  /** The ticket this counter is serving, as last seen: applications taken now are linked to it. */
  function currentTicketId(): string | undefined {
    if (servedTickets.has(ctx.db)) return servedTickets.get(ctx.db);
    const id = settings.read(SETTINGS.current, CurrentSchema, null)?.id;
    servedTickets.set(ctx.db, id);
    return id;
  }

  // Applications are read through their owner (applications/repository.ts).
  const linkedApplications = { all: createApplicationRepository(ctx.db).byTicket };

  /** `customers`: only their tickets (an account manager's "call my customer"). */
  async function callNext(
    services: string[],
    customers?: string[],
  ): Promise<{ ticket: Ticket | null }> {
    const requestId = uuidv7();
    const input = { requestId, services, ...(customers ? { customers } : {}) };
    if (!ctx.link) return remote('callNext', input);
    let out: { ticket: Ticket | null };
    try {
      out = await ctx.link.call('callNext', input);
    } catch (err) {
      // A lost answer: asking again with the same request id returns the ticket already called.
      if (!isUnavailable(err)) throw queueError(err);
      ctx.log(`queue: callNext unreachable, asking again: ${err.describe()}`);
      out = await remote('callNext', input);
    }
    remember(out.ticket);
    return out;
  }

  async function current() {
    const { ticket } = await remote('current', {});
    remember(ticket);
    const applications = ticket
      ? linkedApplications.all(ticket.id).map((a) => ({
          id: a.id,
          appNo: a.app_no,
          typeCode: a.type_code,
          state: a.state,
        }))
      : [];
    return { ticket, applications };
  }

  async function step(op: 'recall' | 'serve', ticketId: string): Promise<Ticket> {
    const ticket = await remote(op, { ticketId });
    remember(ticket);
    return ticket;
  }

  async function noShow(ticketId: string): Promise<Ticket> {
    const ticket = await remote('noShow', { ticketId });
    remember(null);
    return ticket;
  }

  async function transfer(ticketId: string, toService: string): Promise<Ticket> {
    const ticket = await remote('transfer', { ticketId, toService, newId: uuidv7() });
    remember(null);
    return ticket;
  }

  /**
   * Takes back this counter's no-show or transfer: the shared store restores the ticket exactly
   * and refuses when another station has acted on it since (or the window has passed).
   */
  async function undo(ticketId: string, action: UndoAction): Promise<Ticket> {
    const ticket = await remote('undo', { ticketId, action });
    remember(ticket);
    return ticket;
  }

  async function finish(ticketId: string, servicesDone: string[]): Promise<Ticket> {
    const applicationIds = linkedApplications
      .all(ticketId)
      .filter((a) => a.state !== 'draft')
      .map((a) => a.id);
    const ticket = await remote('finish', { ticketId, servicesDone, applicationIds });
    remember(null);
    return ticket;
  }

  /**
   * The clerk takes over a kiosk draft: it becomes a local draft linked to the ticket. Fields
   * the customer typed that do not pass the draft checks are left out for the clerk to ask again.
   */
  async function verifyKioskDraft(
    ticketId: string,
    actor: string,
  ): Promise<{ applicationId: string }> {
    const { draft } = await remote('kioskDraft', { ticketId });
    if (!draft)
      throw apiError('NOT_FOUND', '该号没有自助预填申请', 'This ticket has no kiosk draft');
    // The customer's note reaches the clerk in the draft's remarks.
    const fields: FieldValues = { ...draft.fields, ...(draft.note ? { remark: draft.note } : {}) };
    const input = (): ApplicationInput => ({
      typeCode: draft.typeCode,
      accountKind: draft.accountKind,
      fields,
      papers: [],
      ticketId,
    });
    let detail: ApplicationDetail;
    try {
      detail = saveDraft(input(), actor);
    } catch (err) {
      if (!(err instanceof ApiError) || err.body.code !== 'VALIDATION') throw err;
      const bad = (err.body.fieldErrors ?? [{ field: err.body.field ?? '' }]).map((e) => e.field);
      for (const path of bad) delete fields[path.replace(/^fields\./, '').split('.')[0] ?? ''];
      detail = saveDraft(input(), actor);
    }
    await remote('takeKioskDraft', { ticketId, applicationId: detail.id });
    return { applicationId: detail.id };
  }

  return {
    callNext,
    current,
    recall: (id: string) => step('recall', id),
    serve: (id: string) => step('serve', id),
    noShow,
    transfer,
    undo,
    requeue: (ticketId: string) => remote('requeue', { ticketId }),
    finish,
    verifyKioskDraft,
    currentTicketId,
  };
}
