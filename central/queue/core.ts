import {
  createFieldCipher,
  ephemeralKeys,
  type FieldCipher,
} from '../../electron/main/services/crypto';
import { toHallIso } from '../../shared/hall-time';
import { DEFAULT_QUEUE_CONFIG, counterName } from '../../shared/queue/defaults';
import type { QueueErrorBody, QueueOpParsed, QueueReason } from '../../shared/queue/protocol';
import {
  QueueConfigSchema,
  type QueueConfig,
  type ServiceConfig,
  type Ticket,
  type TicketState,
} from '../../shared/queue/schemas';
import { errorBody } from '../errors';
import { forUpdate, get, run, type Work } from '../store/work';
import { openDraft, openNote } from './draft-sealing';

/** A refusal with its row of the error table; the messages name no value. */
export class QueueRefusal extends Error {
  readonly status: number;
  readonly body: QueueErrorBody;
  constructor(kind: QueueRefusalKind, text: [string, string], extra: Partial<QueueErrorBody> = {}) {
    const { status, body } = errorBody(kind, text[0], text[1]);
    super(`${body.code}: ${body.messageEn}`);
    this.name = 'QueueRefusal';
    this.status = status;
    this.body = { ...body, ...extra };
  }
}

export type QueueRefusalKind = 'notFound' | 'conflict' | 'unprocessable';

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
  undo_expired: [
    '已超过撤销时限，请按当前状态继续办理',
    'Too late to undo: carry on from the ticket’s current state',
  ],
  undo_superseded: [
    '该号已被其他窗口处理，无法撤销',
    'Another station has acted on this ticket since: it cannot be undone',
  ],
  undo_counter_busy: [
    '本窗口已叫了下一个号，无法撤销',
    'This counter has called another ticket since: it cannot be undone',
  ],
  not_no_show: [
    '该号不是今天的过号，不能重新排队',
    'This ticket is not one of today’s no-shows: it cannot be put back in line',
  ],
};

export const refuse = (kind: QueueRefusalKind, reason: QueueReason, field?: string): QueueRefusal =>
  new QueueRefusal(kind, REASON_TEXT[reason], { reason, ...(field ? { field } : {}) });

export const notFound = (): QueueRefusal =>
  new QueueRefusal('notFound', ['没有该号', 'No such ticket']);

export interface TicketRow {
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
  note: string | null;
  /** The station's customer id the ticket was issued for (customer record), or null. */
  customer_ref: string | null;
  /** JSON UndoRecord of the last no-show or transfer (calling.ts), null once undone or stale. */
  undo: string | null;
  rated: number;
}

/** The kiosk customer's note inside the held (sealed) draft ('' when none or unreadable). */
function kioskNoteOf(cipher: FieldCipher, draft: string | null): string {
  if (!draft) return '';
  try {
    const note = (openDraft(cipher, draft) as { note?: unknown }).note;
    return typeof note === 'string' ? note : '';
  } catch {
    return '';
  }
}

/** `rated` as 0/1 in both engines (PostgreSQL's EXISTS is a boolean). */
export const SELECT_TICKET = `SELECT t.rowid, t.*,
    CASE WHEN EXISTS (SELECT 1 FROM queue_ratings r WHERE r.ticket_id = t.id) THEN 1 ELSE 0 END AS rated
  FROM queue_tickets t`;

/** UTC+8 ISO text, what every API answer carries. */
export const iso = (ms: number): string => toHallIso(ms);
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/**
 * What every section of the queue store shares: the clock, the configuration, a ticket row and
 * how it is presented, and the event log, as store work (store/work.ts) the QueueStore runs in
 * one transaction per operation. The tables are created by central's migrations (002_queue).
 */
export class QueueCore {
  constructor(
    readonly now: () => number,
    /** Seals kiosk drafts (draft-sealing.ts); tests without one get keys of their own. */
    readonly cipher: FieldCipher = createFieldCipher(ephemeralKeys()),
  ) {}

  *config(hall: string): Work<QueueConfig> {
    const row = yield* get<{ config: string }>(
      'SELECT config FROM queue_config WHERE hall_code = ?',
      hall,
    );
    if (!row) return DEFAULT_QUEUE_CONFIG;
    return QueueConfigSchema.parse(JSON.parse(row.config));
  }

  *saveConfig(hall: string, input: QueueOpParsed<'saveConfig'>): Work<QueueConfig> {
    yield* get(forUpdate('SELECT hall_code FROM queue_config WHERE hall_code = ?'), hall);
    const current = yield* this.config(hall);
    const next = QueueConfigSchema.parse({ ...input.config, version: current.version + 1 });
    yield* run(
      `INSERT INTO queue_config (hall_code, config, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (hall_code) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      hall,
      JSON.stringify(next),
      this.now(),
    );
    return next;
  }

  service(config: QueueConfig, code: string, field = 'serviceCode'): ServiceConfig {
    const s = config.services.find((x) => x.code === code);
    if (!s) throw refuse('unprocessable', 'unknown_service', field);
    return s;
  }

  *row(hall: string, id: string): Work<TicketRow | undefined> {
    return yield* get<TicketRow>(`${SELECT_TICKET} WHERE t.id = ? AND t.hall_code = ?`, id, hall);
  }

  /** The row, locked until the write ends (PostgreSQL), for work that decides on its state. */
  *lockedRow(hall: string, id: string): Work<TicketRow | undefined> {
    return yield* get<TicketRow>(
      forUpdate(`${SELECT_TICKET} WHERE t.id = ? AND t.hall_code = ?`),
      id,
      hall,
    );
  }

  present(row: TicketRow, config: QueueConfig): Ticket {
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
      guideNote: openNote(this.cipher, row.note),
      kioskNote: kioskNoteOf(this.cipher, row.kiosk_draft),
      customerRef: row.customer_ref ?? null,
    };
  }

  *ticket(hall: string, id: string): Work<Ticket> {
    const row = yield* this.row(hall, id);
    if (!row) throw notFound();
    return this.present(row, yield* this.config(hall));
  }

  /** The ticket this counter holds (called or being served), if any. */
  *active(hall: string, counter: string): Work<TicketRow | undefined> {
    return yield* get<TicketRow>(
      `${SELECT_TICKET} WHERE t.hall_code = ? AND t.counter = ? AND t.state IN ('called','serving')`,
      hall,
      counter,
    );
  }

  /** Loads a ticket this counter holds in one of `states`, or refuses. */
  *held(hall: string, counter: string, id: string, states: TicketState[]): Work<TicketRow> {
    const row = yield* this.lockedRow(hall, id);
    if (!row) throw notFound();
    if (row.counter !== counter && row.state !== 'issued')
      throw refuse('conflict', 'not_your_ticket');
    if (!states.includes(row.state)) throw refuse('conflict', 'wrong_state');
    return row;
  }

  *waitingCount(hall: string, day: string, service: string): Work<number> {
    const row = yield* get<{ n: number }>(
      `SELECT count(*) AS n FROM queue_tickets
       WHERE hall_code = ? AND day = ? AND state = 'issued' AND service_code = ?`,
      hall,
      day,
      service,
    );
    return row?.n ?? 0;
  }

  *issuedToday(hall: string, day: string, prefix: string): Work<number> {
    const row = yield* get<{ last: number }>(
      'SELECT last FROM queue_numbers WHERE hall_code = ? AND day = ? AND prefix = ?',
      hall,
      day,
      prefix,
    );
    return row?.last ?? 0;
  }

  *event(
    hall: string,
    ticketId: string,
    kind: string,
    counter: string | null,
    at: number,
  ): Work<void> {
    yield* run(
      'INSERT INTO queue_events (hall_code, ticket_id, kind, counter, at) VALUES (?, ?, ?, ?, ?)',
      hall,
      ticketId,
      kind,
      counter,
      at,
    );
  }
}
