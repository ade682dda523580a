import type { Database } from 'better-sqlite3';
import { DEFAULT_QUEUE_CONFIG, counterName } from '../shared/queue/defaults';
import type { KioskDraft, LookupInput, LookupResult } from '../shared/queue/kiosk';
import { hallDate, toHallIso } from '../shared/hall-time';
import { ticketNumber } from '../shared/queue/numbering';
import { weightOf } from '../shared/queue/ordering';
import type {
  QueueErrorBody,
  QueueOpOutput,
  QueueOpParsed,
  QueueReason,
} from '../shared/queue/protocol';
import {
  QueueConfigSchema,
  type Board,
  type IssuedTicket,
  type MeasureRow,
  type Measures,
  type QueueConfig,
  type ServiceConfig,
  type Ticket,
  type TicketState,
} from '../shared/queue/schemas';
import { maskMobile, maskName } from '../shared/domain/mask';
import { checkMobile } from '../shared/validators/mobile';
import type { LocalizedText } from '../shared/text';

/**
 * The hall's shared ticket queue, kept by the central system for every station of a hall.
 * Every operation is one IMMEDIATE transaction: the write lock is taken before the ticket is
 * read, so counters calling at the same moment (from one process or from several processes on
 * the same file) can never be handed the same ticket. A partial unique index backs it up: a
 * counter holds at most one called/serving ticket.
 */
export const QUEUE_SCHEMA = `
CREATE TABLE IF NOT EXISTS queue_config (
  hall_code TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The daily number per hall and prefix: reset by being keyed on the hall day.
CREATE TABLE IF NOT EXISTS queue_numbers (
  hall_code TEXT NOT NULL,
  day TEXT NOT NULL,
  prefix TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (hall_code, day, prefix)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS queue_tickets (
  id TEXT PRIMARY KEY,
  hall_code TEXT NOT NULL,
  day TEXT NOT NULL,                       -- hall day, YYYY-MM-DD
  number TEXT NOT NULL,
  seq INTEGER,                             -- the daily number; NULL for offline and transfer rows
  service_code TEXT NOT NULL,
  priority TEXT NOT NULL,
  weight INTEGER NOT NULL,
  channel TEXT NOT NULL,
  origin_station TEXT NOT NULL,
  offline INTEGER NOT NULL DEFAULT 0,
  issued_at INTEGER NOT NULL,              -- when the customer got the number
  queued_at INTEGER NOT NULL,              -- when this row started waiting (a transfer: then)
  arrival_at INTEGER NOT NULL,             -- ordering key, kept through a transfer
  state TEXT NOT NULL CHECK (state IN
    ('issued','called','serving','done','no_show','cancelled','transferred')),
  counter TEXT,
  called_at INTEGER,
  call_count INTEGER NOT NULL DEFAULT 0,
  call_request TEXT,
  serving_at INTEGER,
  finished_at INTEGER,
  services_done TEXT NOT NULL DEFAULT '[]',
  application_ids TEXT NOT NULL DEFAULT '[]',
  transferred_from TEXT REFERENCES queue_tickets(id),
  kiosk_draft TEXT,                        -- personal data: returned to a counter only
  kiosk_application_id TEXT
);
CREATE INDEX IF NOT EXISTS queue_waiting
  ON queue_tickets(hall_code, day, state, service_code, weight DESC, arrival_at);
CREATE INDEX IF NOT EXISTS queue_number ON queue_tickets(hall_code, day, number);
CREATE UNIQUE INDEX IF NOT EXISTS queue_counter_active
  ON queue_tickets(hall_code, counter) WHERE state IN ('called','serving');
CREATE UNIQUE INDEX IF NOT EXISTS queue_call_request
  ON queue_tickets(call_request) WHERE call_request IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS queue_daily_number
  ON queue_tickets(hall_code, day, service_code, seq) WHERE seq IS NOT NULL;

CREATE TABLE IF NOT EXISTS queue_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_code TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
  kind TEXT NOT NULL,
  counter TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_events_kind ON queue_events(hall_code, kind, id);

CREATE TABLE IF NOT EXISTS queue_ratings (
  ticket_id TEXT PRIMARY KEY REFERENCES queue_tickets(id),
  hall_code TEXT NOT NULL,
  day TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('very_satisfied','satisfied','dissatisfied')),
  attitude INTEGER,
  quality INTEGER,
  efficiency INTEGER,
  at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS queue_ratings_day ON queue_ratings(hall_code, day);
`;

/** A refusal with its HTTP status; the messages name no value. */
export class QueueRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    readonly body: QueueErrorBody,
  ) {
    super(`${body.code}: ${body.messageEn}`);
    this.name = 'QueueRefusal';
  }
}

const REASON_TEXT: Record<QueueReason, [string, string]> = {
  cap_reached: ['该业务今日号源已满', 'This service has issued all of today’s tickets'],
  counter_busy: [
    '本窗口还有未办结的号，请先办结或过号',
    'This counter still holds a ticket: finish it or mark it absent first',
  ],
  wrong_state: ['该号当前状态不允许此操作', 'The ticket’s state does not allow this'],
  not_your_ticket: ['该号由其他窗口叫号', 'Another counter called this ticket'],
  unknown_service: ['没有该业务队列', 'No such queue service'],
  already_rated: ['该号已评价过', 'This ticket has already been rated'],
  not_served: ['该号尚未办结，暂不能评价', 'This ticket has not been served yet'],
  stale_day: ['离线号不是今天的，已作废', 'The offline ticket is not from today; it is void'],
};

const refuse = (status: 404 | 409 | 422, reason: QueueReason, field?: string): QueueRefusal =>
  new QueueRefusal(status, {
    code: status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : 'BAD_REQUEST',
    message: REASON_TEXT[reason][0],
    messageEn: REASON_TEXT[reason][1],
    reason,
    ...(field ? { field } : {}),
  });

const notFound = (): QueueRefusal =>
  new QueueRefusal(404, { code: 'NOT_FOUND', message: '没有该号', messageEn: 'No such ticket' });

interface TicketRow {
  rowid: number;
  id: string;
  hall_code: string;
  day: string;
  number: string;
  seq: number | null;
  service_code: string;
  priority: Ticket['priority'];
  weight: number;
  channel: Ticket['channel'];
  origin_station: string;
  offline: number;
  issued_at: number;
  queued_at: number;
  arrival_at: number;
  state: TicketState;
  counter: string | null;
  called_at: number | null;
  call_count: number;
  call_request: string | null;
  serving_at: number | null;
  finished_at: number | null;
  services_done: string;
  application_ids: string;
  transferred_from: string | null;
  kiosk_draft: string | null;
  rated: number;
}

const SELECT_TICKET = `SELECT t.rowid, t.*, EXISTS (SELECT 1 FROM queue_ratings r WHERE r.ticket_id = t.id) AS rated
  FROM queue_tickets t`;

/** Hall-time ISO text, what every API answer carries. */
const iso = toHallIso;
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface QueueStoreOptions {
  now?: () => number;
}

/** The queue operations for one hall at a time; `counter` is the calling station's code. */
export class QueueStore {
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    opts: QueueStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    db.exec(QUEUE_SCHEMA);
    // Kiosk look-ups find applications by the counter's number: keep that an index seek.
    const hasLedger = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'")
      .get();
    if (hasLedger) {
      db.exec(
        "CREATE INDEX IF NOT EXISTS applications_counter_no ON applications(json_extract(payload, '$.appNo'))",
      );
    }
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ------------------------------------------------------------------ configuration

  config(hall: string): QueueConfig {
    const row = this.db
      .prepare<[string], { config: string }>('SELECT config FROM queue_config WHERE hall_code = ?')
      .get(hall);
    if (!row) return DEFAULT_QUEUE_CONFIG;
    return QueueConfigSchema.parse(JSON.parse(row.config));
  }

  saveConfig(hall: string, input: QueueOpParsed<'saveConfig'>): QueueConfig {
    return this.tx(() => {
      const current = this.config(hall);
      const next = QueueConfigSchema.parse({ ...input.config, version: current.version + 1 });
      this.db
        .prepare(
          `INSERT INTO queue_config (hall_code, config, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (hall_code) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
        )
        .run(hall, JSON.stringify(next), this.now());
      return next;
    });
  }

  private service(config: QueueConfig, code: string, field = 'serviceCode'): ServiceConfig {
    const s = config.services.find((x) => x.code === code);
    if (!s) throw refuse(422, 'unknown_service', field);
    return s;
  }

  // ------------------------------------------------------------------ reading

  private row(hall: string, id: string): TicketRow | undefined {
    return this.db
      .prepare<[string, string], TicketRow>(`${SELECT_TICKET} WHERE t.id = ? AND t.hall_code = ?`)
      .get(id, hall);
  }

  private present(row: TicketRow, config: QueueConfig): Ticket {
    const service = config.services.find((s) => s.code === row.service_code);
    return {
      id: row.id,
      number: row.number,
      serviceCode: row.service_code,
      serviceName: service?.name ?? { zh: row.service_code, en: row.service_code },
      priority: row.priority,
      state: row.state,
      channel: row.channel,
      day: row.day,
      issuedAt: iso(row.issued_at),
      calledAt: isoOrNull(row.called_at),
      servingAt: isoOrNull(row.serving_at),
      finishedAt: isoOrNull(row.finished_at),
      counter: row.counter,
      counterName: row.counter ? counterName(config, row.counter) : null,
      callCount: row.call_count,
      transferredFrom: row.transferred_from,
      servicesDone: JSON.parse(row.services_done) as string[],
      applicationIds: JSON.parse(row.application_ids) as string[],
      offline: row.offline === 1,
      hasKioskDraft: row.kiosk_draft !== null,
      rated: row.rated === 1,
    };
  }

  ticket(hall: string, id: string): Ticket {
    const row = this.row(hall, id);
    if (!row) throw notFound();
    return this.present(row, this.config(hall));
  }

  /** Today's tickets, in the order they would be called (waiting ones first by that order). */
  tickets(hall: string, input: QueueOpParsed<'tickets'>): Ticket[] {
    const config = this.config(hall);
    const states = input.states ?? [];
    const rows = this.db
      .prepare<unknown[], TicketRow>(
        `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day = ?
         ${states.length ? `AND t.state IN (${states.map(() => '?').join(',')})` : ''}
         ORDER BY t.weight DESC, t.arrival_at, t.rowid LIMIT ?`,
      )
      .all(hall, hallDate(this.now()), ...states, input.limit);
    return rows.map((r) => this.present(r, config));
  }

  private waitingAhead(row: TicketRow): number {
    return (
      this.db
        .prepare<unknown[], { n: number }>(
          `SELECT count(*) AS n FROM queue_tickets INDEXED BY queue_waiting
           WHERE hall_code = ? AND day = ? AND state = 'issued' AND service_code = ?
             AND (weight > ? OR (weight = ? AND (arrival_at < ? OR (arrival_at = ? AND rowid < ?))))`,
        )
        .get(
          row.hall_code,
          row.day,
          row.service_code,
          row.weight,
          row.weight,
          row.arrival_at,
          row.arrival_at,
          row.rowid,
        )?.n ?? 0
    );
  }

  private waitingCount(hall: string, day: string, service: string): number {
    return (
      this.db
        .prepare<[string, string, string], { n: number }>(
          `SELECT count(*) AS n FROM queue_tickets
           WHERE hall_code = ? AND day = ? AND state = 'issued' AND service_code = ?`,
        )
        .get(hall, day, service)?.n ?? 0
    );
  }

  private issuedToday(hall: string, day: string, prefix: string): number {
    return (
      this.db
        .prepare<[string, string, string], { last: number }>(
          'SELECT last FROM queue_numbers WHERE hall_code = ? AND day = ? AND prefix = ?',
        )
        .get(hall, day, prefix)?.last ?? 0
    );
  }

  // ------------------------------------------------------------------ issuing

  issue(hall: string, station: string, input: QueueOpParsed<'issue'>): IssuedTicket {
    return this.tx(() => {
      const config = this.config(hall);
      let row = this.row(hall, input.id);
      if (!row) {
        const service = this.service(config, input.serviceCode);
        const now = this.now();
        const today = hallDate(now);
        let number: string;
        let seq: number | null = null;
        let issuedAt = now;
        if (input.offline) {
          issuedAt = Math.min(Date.parse(input.offline.issuedAt), now);
          if (hallDate(issuedAt) !== today) throw refuse(409, 'stale_day', 'offline.issuedAt');
          number = input.offline.number;
        } else {
          const last = this.issuedToday(hall, today, service.prefix);
          if (last >= service.dailyCap) throw refuse(409, 'cap_reached', 'serviceCode');
          seq = last + 1;
          this.db
            .prepare(
              `INSERT INTO queue_numbers (hall_code, day, prefix, last) VALUES (?, ?, ?, ?)
               ON CONFLICT (hall_code, day, prefix) DO UPDATE SET last = excluded.last`,
            )
            .run(hall, today, service.prefix, seq);
          number = ticketNumber(service.prefix, seq);
        }
        this.db
          .prepare(
            `INSERT INTO queue_tickets (id, hall_code, day, number, seq, service_code, priority,
               weight, channel, origin_station, offline, issued_at, queued_at, arrival_at, state,
               kiosk_draft)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?)`,
          )
          .run(
            input.id,
            hall,
            today,
            number,
            seq,
            service.code,
            input.priority,
            weightOf(config.weights, input.priority),
            input.channel,
            station,
            input.offline ? 1 : 0,
            issuedAt,
            issuedAt,
            issuedAt,
            input.kioskDraft ? JSON.stringify(input.kioskDraft) : null,
          );
        this.event(hall, input.id, 'issue', null, now);
        row = this.row(hall, input.id) as TicketRow;
      }
      const service = config.services.find((s) => s.code === row.service_code);
      const waiting = this.waitingCount(hall, row.day, row.service_code);
      return {
        ...this.present(row, config),
        ahead: row.state === 'issued' ? this.waitingAhead(row) : 0,
        warn: service ? waiting >= service.warnAt : false,
      };
    });
  }

  // ------------------------------------------------------------------ calling

  /** The ticket this counter holds (called or being served), if any. */
  private active(hall: string, counter: string): TicketRow | undefined {
    return this.db
      .prepare<[string, string], TicketRow>(
        `${SELECT_TICKET} WHERE t.hall_code = ? AND t.counter = ? AND t.state IN ('called','serving')`,
      )
      .get(hall, counter);
  }

  current(hall: string, counter: string): QueueOpOutput<'current'> {
    const row = this.active(hall, counter);
    return { ticket: row ? this.present(row, this.config(hall)) : null };
  }

  callNext(
    hall: string,
    counter: string,
    input: QueueOpParsed<'callNext'>,
  ): { ticket: Ticket | null } {
    return this.tx(() => {
      const config = this.config(hall);
      const repeated = this.db
        .prepare<[string, string], TicketRow>(
          `${SELECT_TICKET} WHERE t.call_request = ? AND t.hall_code = ?`,
        )
        .get(input.requestId, hall);
      if (repeated) return { ticket: this.present(repeated, config) };
      for (const code of input.services) this.service(config, code, 'services');
      if (this.active(hall, counter)) throw refuse(409, 'counter_busy');
      const now = this.now();
      const next = this.db
        .prepare<unknown[], { id: string }>(
          `SELECT id FROM queue_tickets INDEXED BY queue_waiting
           WHERE hall_code = ? AND day = ? AND state = 'issued'
             AND service_code IN (${input.services.map(() => '?').join(',')})
           ORDER BY weight DESC, arrival_at, rowid LIMIT 1`,
        )
        .get(hall, hallDate(now), ...input.services);
      if (!next) return { ticket: null };
      const changed = this.db
        .prepare(
          `UPDATE queue_tickets SET state = 'called', counter = ?, called_at = ?, call_count = 1,
             call_request = ? WHERE id = ? AND state = 'issued'`,
        )
        .run(counter, now, input.requestId, next.id).changes;
      // Inside an IMMEDIATE transaction nobody else can have taken it; this is the tripwire.
      if (changed !== 1) throw new Error('queue: a waiting ticket changed under the write lock');
      this.event(hall, next.id, 'call', counter, now);
      return { ticket: this.present(this.row(hall, next.id) as TicketRow, config) };
    });
  }

  /** Loads a ticket this counter holds in one of `states`, or refuses. */
  private held(hall: string, counter: string, id: string, states: TicketState[]): TicketRow {
    const row = this.row(hall, id);
    if (!row) throw notFound();
    if (row.counter !== counter && row.state !== 'issued') throw refuse(409, 'not_your_ticket');
    if (!states.includes(row.state)) throw refuse(409, 'wrong_state');
    return row;
  }

  recall(hall: string, counter: string, id: string): Ticket {
    return this.tx(() => {
      this.held(hall, counter, id, ['called']);
      const now = this.now();
      this.db.prepare('UPDATE queue_tickets SET call_count = call_count + 1 WHERE id = ?').run(id);
      this.event(hall, id, 'recall', counter, now);
      return this.ticket(hall, id);
    });
  }

  serve(hall: string, counter: string, id: string): Ticket {
    return this.tx(() => {
      const row = this.held(hall, counter, id, ['called', 'serving']);
      if (row.state === 'called') {
        this.db
          .prepare("UPDATE queue_tickets SET state = 'serving', serving_at = ? WHERE id = ?")
          .run(this.now(), id);
        this.event(hall, id, 'serve', counter, this.now());
      }
      return this.ticket(hall, id);
    });
  }

  noShow(hall: string, counter: string, id: string): Ticket {
    return this.tx(() => {
      const row = this.held(hall, counter, id, ['called', 'no_show']);
      if (row.state === 'called') {
        this.db
          .prepare("UPDATE queue_tickets SET state = 'no_show', finished_at = ? WHERE id = ?")
          .run(this.now(), id);
        this.event(hall, id, 'no_show', counter, this.now());
      }
      return this.ticket(hall, id);
    });
  }

  /** The guide voids a waiting ticket (the customer left before being called). */
  cancel(hall: string, station: string, id: string): Ticket {
    return this.tx(() => {
      const row = this.row(hall, id);
      if (!row) throw notFound();
      if (row.state === 'cancelled') return this.ticket(hall, id);
      if (row.state !== 'issued') throw refuse(409, 'wrong_state');
      this.db
        .prepare("UPDATE queue_tickets SET state = 'cancelled', finished_at = ? WHERE id = ?")
        .run(this.now(), id);
      this.event(hall, id, 'cancel', station, this.now());
      return this.ticket(hall, id);
    });
  }

  /**
   * Sends the customer on to another service with the same number: this row ends as
   * `transferred`, a new row waits in the other service, keeping the original arrival time so
   * the customer does not go to the back of the line.
   */
  transfer(hall: string, counter: string, input: QueueOpParsed<'transfer'>): Ticket {
    return this.tx(() => {
      const existing = this.row(hall, input.newId);
      if (existing?.transferred_from === input.ticketId) return this.ticket(hall, input.newId);
      const row = this.held(hall, counter, input.ticketId, ['called', 'serving']);
      const config = this.config(hall);
      const target = this.service(config, input.toService, 'toService');
      if (target.code === row.service_code) throw refuse(409, 'wrong_state', 'toService');
      const now = this.now();
      this.db
        .prepare(
          `UPDATE queue_tickets SET state = 'transferred', finished_at = ?,
             serving_at = coalesce(serving_at, ?) WHERE id = ?`,
        )
        .run(now, now, row.id);
      this.db
        .prepare(
          `INSERT INTO queue_tickets (id, hall_code, day, number, seq, service_code, priority,
             weight, channel, origin_station, offline, issued_at, queued_at, arrival_at, state,
             transferred_from, kiosk_draft, kiosk_application_id, application_ids)
           VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?)`,
        )
        .run(
          input.newId,
          hall,
          row.day,
          row.number,
          target.code,
          row.priority,
          row.weight,
          row.channel,
          row.origin_station,
          row.offline,
          row.issued_at,
          now,
          row.arrival_at,
          row.id,
          row.kiosk_draft,
          null,
          row.application_ids,
        );
      this.event(hall, row.id, 'transfer', counter, now);
      return this.ticket(hall, input.newId);
    });
  }

  finish(hall: string, counter: string, input: QueueOpParsed<'finish'>): Ticket {
    return this.tx(() => {
      const row = this.held(hall, counter, input.ticketId, ['called', 'serving', 'done']);
      if (row.state !== 'done') {
        const now = this.now();
        const apps = [...new Set([...JSON.parse(row.application_ids), ...input.applicationIds])];
        this.db
          .prepare(
            `UPDATE queue_tickets SET state = 'done', finished_at = ?,
               serving_at = coalesce(serving_at, called_at), services_done = ?, application_ids = ?
             WHERE id = ?`,
          )
          .run(now, JSON.stringify(input.servicesDone), JSON.stringify(apps), row.id);
        this.event(hall, row.id, 'finish', counter, now);
      }
      return this.ticket(hall, row.id);
    });
  }

  private event(hall: string, ticketId: string, kind: string, counter: string | null, at: number) {
    this.db
      .prepare(
        'INSERT INTO queue_events (hall_code, ticket_id, kind, counter, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(hall, ticketId, kind, counter, at);
  }

  // ------------------------------------------------------------------ display

  board(hall: string, limit: number): Board {
    const config = this.config(hall);
    const now = this.now();
    const today = hallDate(now);
    const calls = this.db
      .prepare<
        [string, string, number],
        { id: number; kind: 'call' | 'recall'; counter: string; at: number; number: string }
      >(
        `SELECT e.id, e.kind, e.counter, e.at, t.number FROM queue_events e
           JOIN queue_tickets t ON t.id = e.ticket_id
         WHERE e.hall_code = ? AND e.kind IN ('call','recall') AND t.day = ?
         ORDER BY e.id DESC LIMIT ?`,
      )
      .all(hall, today, limit);
    return {
      calls: calls.map((c) => ({
        eventId: c.id,
        kind: c.kind,
        ticketNumber: c.number,
        counter: c.counter,
        counterName: counterName(config, c.counter),
        at: iso(c.at),
      })),
      services: config.services.map((s) => {
        const waiting = this.waitingCount(hall, today, s.code);
        const issuedToday = this.issuedToday(hall, today, s.prefix);
        return {
          code: s.code,
          prefix: s.prefix,
          name: s.name,
          waiting,
          issuedToday,
          dailyCap: s.dailyCap,
          warnAt: s.warnAt,
          warn: waiting >= s.warnAt,
          full: issuedToday >= s.dailyCap,
        };
      }),
      serverTime: iso(now),
    };
  }

  // ------------------------------------------------------------------ kiosk

  rate(hall: string, input: QueueOpParsed<'rate'>): { ticketNumber: string } {
    return this.tx(() => {
      const today = hallDate(this.now());
      const rows = this.db
        .prepare<[string, string, string], TicketRow>(
          `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day = ? AND t.number = ? ORDER BY t.rowid DESC`,
        )
        .all(hall, today, input.ticketNumber);
      if (rows.length === 0) throw notFound();
      if (rows.some((r) => r.rated === 1)) throw refuse(409, 'already_rated');
      const done = rows.find((r) => r.state === 'done');
      if (!done) throw refuse(409, 'not_served');
      this.db
        .prepare(
          `INSERT INTO queue_ratings (ticket_id, hall_code, day, rating, attitude, quality, efficiency, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          done.id,
          hall,
          done.day,
          input.rating,
          input.attitude ?? null,
          input.quality ?? null,
          input.efficiency ?? null,
          this.now(),
        );
      return { ticketNumber: done.number };
    });
  }

  /** The customer's own data: only for the counter that holds the ticket right now. */
  kioskDraft(hall: string, counter: string, id: string): KioskDraft | null {
    const row = this.held(hall, counter, id, ['called', 'serving']);
    return row.kiosk_draft ? (JSON.parse(row.kiosk_draft) as KioskDraft) : null;
  }

  /** The counter verifying a kiosk draft: records which application it became. */
  takeKioskDraft(
    hall: string,
    counter: string,
    input: QueueOpParsed<'takeKioskDraft'>,
  ): KioskDraft {
    return this.tx(() => {
      const row = this.held(hall, counter, input.ticketId, ['called', 'serving']);
      if (!row.kiosk_draft) throw notFound();
      this.db
        .prepare('UPDATE queue_tickets SET kiosk_application_id = ? WHERE id = ?')
        .run(input.applicationId, row.id);
      return JSON.parse(row.kiosk_draft) as KioskDraft;
    });
  }

  /**
   * An application by its counter or central number plus the phone on it. Anything that does
   * not match both answers the same "not found", so the look-up cannot be used to probe.
   */
  lookup(input: LookupInput): LookupResult {
    const hasLedger = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'")
      .get();
    const mobile = checkMobile(input.mobile);
    if (!hasLedger || !mobile.ok) throw lookupNotFound();
    const row = this.db
      .prepare<
        [string, string],
        {
          central_no: string;
          payload: string;
          stages: string;
          stage_index: number;
          type_code: string;
        }
      >(
        `SELECT central_no, payload, stages, stage_index, type_code FROM applications
         WHERE json_extract(payload, '$.appNo') = ? OR central_no = ? LIMIT 1`,
      )
      .get(input.appNo, input.appNo);
    if (!row) throw lookupNotFound();
    const payload = JSON.parse(row.payload) as {
      appNo: string;
      acceptedAt: string;
      fields: Record<string, unknown>;
    };
    const stored =
      typeof payload.fields.mobile === 'string' ? checkMobile(payload.fields.mobile) : null;
    if (!stored?.ok || stored.value !== mobile.value) throw lookupNotFound();
    const stages = JSON.parse(row.stages) as string[];
    const name =
      typeof payload.fields.applicantName === 'string' ? payload.fields.applicantName : '';
    return {
      appNo: payload.appNo,
      centralNo: row.central_no,
      typeCode: row.type_code,
      applicantMasked: maskName(name),
      phoneMasked: maskMobile(mobile.value),
      acceptedAt: payload.acceptedAt,
      stage: stages[row.stage_index] ?? null,
      stageIndex: row.stage_index,
      stageCount: stages.length,
    };
  }

  // ------------------------------------------------------------------ measures

  /**
   * Wait (queued → first call), service time (serving or call → end), no-shows and long waits,
   * per service, per counter and in total, over hall days `from`..`to`.
   */
  measures(hall: string, input: QueueOpParsed<'measures'>): Measures {
    const config = this.config(hall);
    const now = this.now();
    const today = hallDate(now);
    const from = input.from ?? today;
    const to = input.to ?? from;
    const longMs = config.longWaitMinutes * 60_000;
    const rows = this.db
      .prepare<[string, string, string], TicketRow>(
        `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day >= ? AND t.day <= ?`,
      )
      .all(hall, from, to);

    const empty = (key: string, name: LocalizedText) => ({
      key,
      name,
      rows: [] as TicketRow[],
    });
    const byService = new Map(config.services.map((s) => [s.code, empty(s.code, s.name)]));
    const byCounter = new Map<string, ReturnType<typeof empty>>();
    for (const r of rows) {
      if (!byService.has(r.service_code)) {
        byService.set(
          r.service_code,
          empty(r.service_code, { zh: r.service_code, en: r.service_code }),
        );
      }
      byService.get(r.service_code)?.rows.push(r);
      if (r.counter) {
        if (!byCounter.has(r.counter)) {
          byCounter.set(r.counter, empty(r.counter, counterName(config, r.counter)));
        }
        byCounter.get(r.counter)?.rows.push(r);
      }
    }
    const summarise = (g: { key: string; name: LocalizedText; rows: TicketRow[] }): MeasureRow => {
      const waits = g.rows
        .filter((r) => r.called_at !== null)
        .map((r) => (r.called_at as number) - r.queued_at);
      const services = g.rows
        .filter((r) => (r.state === 'done' || r.state === 'transferred') && r.finished_at !== null)
        .map(
          (r) =>
            (r.finished_at as number) - (r.serving_at ?? r.called_at ?? (r.finished_at as number)),
        );
      const waitingNow = g.rows.filter((r) => r.state === 'issued' && r.day === today);
      const avg = (xs: number[]) =>
        xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length / 60_000) : null;
      return {
        key: g.key,
        name: g.name,
        issued: g.rows.filter((r) => r.transferred_from === null).length,
        served: g.rows.filter((r) => r.state === 'done').length,
        noShows: g.rows.filter((r) => r.state === 'no_show').length,
        avgWaitMinutes: avg(waits),
        maxWaitMinutes: waits.length ? round1(Math.max(...waits) / 60_000) : null,
        avgServiceMinutes: avg(services),
        longWaits: waits.filter((w) => w > longMs).length,
        waitingNow: waitingNow.length,
        waitingLongNow: waitingNow.filter((r) => now - r.queued_at > longMs).length,
      };
    };
    const ratings = this.db
      .prepare<
        [string, string, string],
        {
          count: number;
          very: number | null;
          sat: number | null;
          dis: number | null;
          att: number | null;
          qua: number | null;
          eff: number | null;
        }
      >(
        `SELECT count(*) AS count,
           sum(rating = 'very_satisfied') AS very, sum(rating = 'satisfied') AS sat,
           sum(rating = 'dissatisfied') AS dis,
           avg(attitude) AS att, avg(quality) AS qua, avg(efficiency) AS eff
         FROM queue_ratings WHERE hall_code = ? AND day >= ? AND day <= ?`,
      )
      .get(hall, from, to);
    const opt = (n: number | null | undefined) =>
      n === null || n === undefined ? null : round1(n);
    return {
      from,
      to,
      longWaitMinutes: config.longWaitMinutes,
      total: summarise({ key: 'total', name: { zh: '合计', en: 'Total' }, rows }),
      byService: [...byService.values()].map(summarise),
      byCounter: [...byCounter.values()].sort((a, b) => a.key.localeCompare(b.key)).map(summarise),
      ratings: {
        count: ratings?.count ?? 0,
        verySatisfied: ratings?.very ?? 0,
        satisfied: ratings?.sat ?? 0,
        dissatisfied: ratings?.dis ?? 0,
        avgAttitude: opt(ratings?.att),
        avgQuality: opt(ratings?.qua),
        avgEfficiency: opt(ratings?.eff),
      },
    };
  }
}

const lookupNotFound = (): QueueRefusal =>
  new QueueRefusal(404, {
    code: 'NOT_FOUND',
    message: '未找到匹配的申请，请核对申请编号和手机号',
    messageEn: 'No matching application; check the application number and the phone number',
  });
