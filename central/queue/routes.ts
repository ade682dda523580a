import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DeviceAuth, DeviceIdentity } from '../auth';
import { fail } from '../errors';
import { badRequest, firstPath, readJson, requireDevice, type CentralEnv } from '../http';
import { QueueRefusal, type QueueStore } from './store';
import { createBoardVersions, type BoardVersions } from './watch';
import { QUEUE_CHANGE_KINDS, type QueueChangeKind } from '../../shared/api/events';
import {
  QUEUE_OPS,
  QUEUE_WATCH_BOARD_CALLS,
  isQueueOp,
  type QueueOp,
  type QueueOpParsed,
} from '../../shared/queue/protocol';
import { KIOSK_PRIORITIES } from '../../shared/queue/schemas';

/**
 * What the credential of a customer-facing station may do in the hall queue (its screens: take a
 * ticket, rate, look an application up; the board). A kiosk sits unattended in the lobby, so a
 * credential taken from it must not call, serve or transfer customers, change the queue's
 * settings or read the ticket list with the guide's notes. Staff stations may do every op.
 */
const CUSTOMER_STATION_OPS: Partial<Record<string, ReadonlySet<QueueOp>>> = {
  kiosk: new Set<QueueOp>(['config', 'issue', 'board', 'watch', 'rate', 'lookup']),
  display: new Set<QueueOp>(['config', 'board', 'watch']),
};

const mayRun = (device: DeviceIdentity, op: QueueOp): boolean =>
  CUSTOMER_STATION_OPS[device.role ?? '']?.has(op) ?? true;

/** A kiosk asks for no more than its screen offers, and for no customer record. */
function kioskMayIssue(input: unknown): boolean {
  const { priority, customerRef } = input as QueueOpParsed<'issue'>;
  return (KIOSK_PRIORITIES as readonly string[]).includes(priority) && customerRef === undefined;
}

/** One op: the device's hall and station come from its token. */
async function run(
  queue: QueueStore,
  device: DeviceIdentity,
  op: QueueOp,
  input: unknown,
): Promise<unknown> {
  const hall = device.hallCode;
  const station = device.stationCode;
  switch (op) {
    case 'config':
      return queue.config(hall);
    case 'saveConfig':
      return queue.saveConfig(hall, input as QueueOpParsed<'saveConfig'>);
    case 'issue':
      return queue.issue(hall, station, input as QueueOpParsed<'issue'>);
    case 'callNext':
      return queue.callNext(hall, station, input as QueueOpParsed<'callNext'>);
    case 'recall':
      return queue.recall(hall, station, (input as QueueOpParsed<'recall'>).ticketId);
    case 'serve':
      return queue.serve(hall, station, (input as QueueOpParsed<'serve'>).ticketId);
    case 'noShow':
      return queue.noShow(hall, station, (input as QueueOpParsed<'noShow'>).ticketId);
    case 'cancel':
      return queue.cancel(hall, station, (input as QueueOpParsed<'cancel'>).ticketId);
    case 'transfer':
      return queue.transfer(hall, station, input as QueueOpParsed<'transfer'>);
    case 'finish':
      return queue.finish(hall, station, input as QueueOpParsed<'finish'>);
    case 'undo':
      return queue.undo(hall, station, input as QueueOpParsed<'undo'>);
    case 'requeue':
      return queue.requeue(hall, station, (input as QueueOpParsed<'requeue'>).ticketId);
    case 'current':
      return queue.current(hall, station);
    case 'ticket':
      return queue.ticket(hall, (input as QueueOpParsed<'ticket'>).ticketId);
    case 'tickets':
      return queue.tickets(hall, input as QueueOpParsed<'tickets'>);
    case 'board':
      return queue.board(hall, (input as QueueOpParsed<'board'>).limit);
    case 'rate':
      return queue.rate(hall, input as QueueOpParsed<'rate'>);
    case 'measures':
      return queue.measures(hall, input as QueueOpParsed<'measures'>);
    case 'kioskDraft':
      return {
        draft: await queue.kioskDraft(
          hall,
          station,
          (input as QueueOpParsed<'kioskDraft'>).ticketId,
        ),
      };
    case 'takeKioskDraft':
      return {
        draft: await queue.takeKioskDraft(hall, station, input as QueueOpParsed<'takeKioskDraft'>),
      };
    case 'lookup':
      return queue.lookup(hall, input as QueueOpParsed<'lookup'>);
    case 'customerTickets':
      return queue.customerTickets(hall, input as QueueOpParsed<'customerTickets'>);
    case 'watch':
      throw new Error('watch is a long poll, answered by the route itself');
  }
}

/** Operations that change the hall's board: each wakes the stations' watches. */
const changesBoard = (op: QueueOp): op is QueueOp & QueueChangeKind =>
  (QUEUE_CHANGE_KINDS as readonly string[]).includes(op);

/**
 * `POST /v1/queue/<op>`: the hall queue for the stations of a hall (see docs/queue.md).
 * Authenticated with the same device tokens as sync.
 */
export function mountQueueRoutes(
  app: Hono<CentralEnv>,
  auth: DeviceAuth,
  queue: QueueStore,
  versions: BoardVersions = createBoardVersions(),
): void {
  app.use('/v1/queue/*', requireDevice(auth));
  app.post('/v1/queue/:op', async (c) => {
    const op = c.req.param('op');
    if (!isQueueOp(op)) return fail(c, 'notFound', '没有该接口', 'No such endpoint');
    if (!mayRun(c.get('device'), op)) {
      return fail(
        c,
        'forbidden',
        '自助终端和叫号显示屏不能执行此叫号操作',
        'A kiosk or display station may not perform this queue operation',
      );
    }
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const parsed = QUEUE_OPS[op].input.safeParse(body.value);
    if (!parsed.success) return badRequest(c, firstPath(parsed.error.issues));
    const device = c.get('device');
    if (device.role === 'kiosk' && op === 'issue' && !kioskMayIssue(parsed.data)) {
      return fail(
        c,
        'forbidden',
        '自助终端只能取普通号或老年人优先号',
        'A kiosk issues only normal and elderly-care tickets',
      );
    }
    if (op === 'watch') {
      const since = (parsed.data as QueueOpParsed<'watch'>).since;
      const answer = await versions.wait(device.hallCode, since);
      const board = await queue.board(device.hallCode, QUEUE_WATCH_BOARD_CALLS);
      return c.json({ ...answer, board });
    }
    try {
      const answer = (await run(queue, device, op, parsed.data)) as object;
      if (changesBoard(op)) versions.bump(device.hallCode, op);
      return c.json(answer);
    } catch (err) {
      if (err instanceof QueueRefusal) {
        return c.json(err.body, err.status as ContentfulStatusCode);
      }
      throw err;
    }
  });
}
