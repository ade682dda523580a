import type { FieldCipher } from '../../electron/main/services/crypto';
import type { KioskDraft, LookupInput, LookupResult } from '../../shared/queue/kiosk';
import type { QueueOpOutput, QueueOpParsed } from '../../shared/queue/protocol';
import type {
  Board,
  IssuedTicket,
  Measures,
  QueueConfig,
  Ticket,
} from '../../shared/queue/schemas';
import type { CentralStore } from '../store/work';
import type { CustomerTickets } from '../../shared/queue/customer-tickets';
import { callNext, cancel, current, finish, noShow, recall, serve, transfer } from './calling';
import { QueueCore } from './core';
import { customerTickets } from './customer-tickets';
import { board, tickets } from './display';
import { issue } from './issue';
import { kioskDraft, lookup, rate, takeKioskDraft } from './kiosk';
import { measures } from './measures';
import { requeue, undo } from './undo';

export { QueueRefusal } from './core';

export interface QueueStoreOptions {
  now?: () => number;
  /** Seals kiosk drafts at rest (the hub's keys, draft-sealing.ts). */
  cipher?: FieldCipher;
}

/**
 * The hall's shared ticket queue, kept by the central system for every station of a hall;
 * `counter` is the calling station's code. Every write is one write transaction of the store
 * (SQLite: IMMEDIATE, the write lock taken before the ticket is read; PostgreSQL: the rows it
 * decides on locked, retried on a deadlock), so counters calling at the same moment (from one process or from several processes
 * on the same database) can never be handed the same ticket. A partial unique index backs it
 * up: a counter holds at most one called/serving ticket.
 *
 * The work is in one module per section: issue, calling, display, kiosk and measures, over a
 * shared core.
 */
export class QueueStore {
  private readonly q: QueueCore;

  constructor(
    private readonly store: CentralStore,
    opts: QueueStoreOptions = {},
  ) {
    this.q = new QueueCore(opts.now ?? Date.now, opts.cipher);
  }

  config(hall: string): Promise<QueueConfig> {
    return this.store.read(() => this.q.config(hall));
  }
  saveConfig(hall: string, input: QueueOpParsed<'saveConfig'>): Promise<QueueConfig> {
    return this.store.write(() => this.q.saveConfig(hall, input));
  }
  ticket(hall: string, id: string): Promise<Ticket> {
    return this.store.read(() => this.q.ticket(hall, id));
  }

  issue(hall: string, station: string, input: QueueOpParsed<'issue'>): Promise<IssuedTicket> {
    return this.store.write(() => issue(this.q, hall, station, input));
  }

  current(hall: string, counter: string): Promise<QueueOpOutput<'current'>> {
    return this.store.read(() => current(this.q, hall, counter));
  }
  callNext(
    hall: string,
    counter: string,
    input: QueueOpParsed<'callNext'>,
  ): Promise<{ ticket: Ticket | null }> {
    return this.store.write(() => callNext(this.q, hall, counter, input));
  }
  recall(hall: string, counter: string, id: string): Promise<Ticket> {
    return this.store.write(() => recall(this.q, hall, counter, id));
  }
  serve(hall: string, counter: string, id: string): Promise<Ticket> {
    return this.store.write(() => serve(this.q, hall, counter, id));
  }
  noShow(hall: string, counter: string, id: string): Promise<Ticket> {
    return this.store.write(() => noShow(this.q, hall, counter, id));
  }
  cancel(hall: string, station: string, id: string): Promise<Ticket> {
    return this.store.write(() => cancel(this.q, hall, station, id));
  }
  transfer(hall: string, counter: string, input: QueueOpParsed<'transfer'>): Promise<Ticket> {
    return this.store.write(() => transfer(this.q, hall, counter, input));
  }
  finish(hall: string, counter: string, input: QueueOpParsed<'finish'>): Promise<Ticket> {
    return this.store.write(() => finish(this.q, hall, counter, input));
  }
  undo(hall: string, counter: string, input: QueueOpParsed<'undo'>): Promise<Ticket> {
    return this.store.write(() => undo(this.q, hall, counter, input));
  }
  requeue(hall: string, station: string, id: string): Promise<Ticket> {
    return this.store.write(() => requeue(this.q, hall, station, id));
  }

  tickets(hall: string, input: QueueOpParsed<'tickets'>): Promise<Ticket[]> {
    return this.store.read(() => tickets(this.q, hall, input));
  }
  board(hall: string, limit: number): Promise<Board> {
    return this.store.read(() => board(this.q, hall, limit));
  }

  rate(hall: string, input: QueueOpParsed<'rate'>): Promise<{ ticketNumber: string }> {
    return this.store.write(() => rate(this.q, hall, input));
  }
  kioskDraft(hall: string, counter: string, id: string): Promise<KioskDraft | null> {
    return this.store.read(() => kioskDraft(this.q, hall, counter, id));
  }
  takeKioskDraft(
    hall: string,
    counter: string,
    input: QueueOpParsed<'takeKioskDraft'>,
  ): Promise<KioskDraft> {
    return this.store.write(() => takeKioskDraft(this.q, hall, counter, input));
  }
  lookup(hallCode: string, input: LookupInput): Promise<LookupResult> {
    return this.store.read(() => lookup(this.q, hallCode, input));
  }

  customerTickets(hall: string, input: QueueOpParsed<'customerTickets'>): Promise<CustomerTickets> {
    return this.store.read(() => customerTickets(this.q, hall, input));
  }

  measures(hall: string, input: QueueOpParsed<'measures'>): Promise<Measures> {
    return this.store.read(() => measures(this.q, hall, input));
  }
}
