import type Database from 'better-sqlite3';
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
import { callNext, cancel, current, finish, noShow, recall, serve, transfer } from './calling';
import { QueueCore } from './core';
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
 * `counter` is the calling station's code. Every write is one IMMEDIATE transaction: the write
 * lock is taken before the ticket is read, so counters calling at the same moment (from one
 * process or from several processes on the same file) can never be handed the same ticket. A
 * partial unique index backs it up: a counter holds at most one called/serving ticket.
 *
 * The database must carry central's migrations (openCentralDb). The work is in one module per
 * section: issue, calling, display, kiosk and measures, over a shared core.
 */
export class QueueStore {
  private readonly q: QueueCore;

  constructor(db: Database.Database, opts: QueueStoreOptions = {}) {
    this.q = new QueueCore(db, opts.now ?? Date.now, opts.cipher);
  }

  config(hall: string): QueueConfig {
    return this.q.config(hall);
  }
  saveConfig(hall: string, input: QueueOpParsed<'saveConfig'>): QueueConfig {
    return this.q.saveConfig(hall, input);
  }
  ticket(hall: string, id: string): Ticket {
    return this.q.ticket(hall, id);
  }

  issue(hall: string, station: string, input: QueueOpParsed<'issue'>): IssuedTicket {
    return issue(this.q, hall, station, input);
  }

  current(hall: string, counter: string): QueueOpOutput<'current'> {
    return current(this.q, hall, counter);
  }
  callNext(hall: string, counter: string, input: QueueOpParsed<'callNext'>) {
    return callNext(this.q, hall, counter, input);
  }
  recall(hall: string, counter: string, id: string): Ticket {
    return recall(this.q, hall, counter, id);
  }
  serve(hall: string, counter: string, id: string): Ticket {
    return serve(this.q, hall, counter, id);
  }
  noShow(hall: string, counter: string, id: string): Ticket {
    return noShow(this.q, hall, counter, id);
  }
  cancel(hall: string, station: string, id: string): Ticket {
    return cancel(this.q, hall, station, id);
  }
  transfer(hall: string, counter: string, input: QueueOpParsed<'transfer'>): Ticket {
    return transfer(this.q, hall, counter, input);
  }
  finish(hall: string, counter: string, input: QueueOpParsed<'finish'>): Ticket {
    return finish(this.q, hall, counter, input);
  }
  undo(hall: string, counter: string, input: QueueOpParsed<'undo'>): Ticket {
    return undo(this.q, hall, counter, input);
  }
  requeue(hall: string, station: string, id: string): Ticket {
    return requeue(this.q, hall, station, id);
  }

  tickets(hall: string, input: QueueOpParsed<'tickets'>): Ticket[] {
    return tickets(this.q, hall, input);
  }
  board(hall: string, limit: number): Board {
    return board(this.q, hall, limit);
  }

  rate(hall: string, input: QueueOpParsed<'rate'>): { ticketNumber: string } {
    return rate(this.q, hall, input);
  }
  kioskDraft(hall: string, counter: string, id: string): KioskDraft | null {
    return kioskDraft(this.q, hall, counter, id);
  }
  takeKioskDraft(hall: string, counter: string, input: QueueOpParsed<'takeKioskDraft'>) {
    return takeKioskDraft(this.q, hall, counter, input);
  }
  lookup(hallCode: string, input: LookupInput): LookupResult {
    return lookup(this.q, hallCode, input);
  }

  measures(hall: string, input: QueueOpParsed<'measures'>): Measures {
    return measures(this.q, hall, input);
  }
}
