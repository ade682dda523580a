import type { Context, Hono } from 'hono';
import type { DeviceAuth, DeviceIdentity } from './auth';
import { QueueRefusal, type QueueStore } from './queue-store';
import { QUEUE_OPS, isQueueOp, type QueueOp, type QueueOpParsed } from '../shared/queue/protocol';
import type { QueueErrorBody } from '../shared/queue/protocol';

type Env = { Variables: { device: DeviceIdentity } };

const fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 422, body: QueueErrorBody) =>
  c.json(body, status);

/** One op: the device's hall and station come from its token. */
function run(queue: QueueStore, device: DeviceIdentity, op: QueueOp, input: unknown): unknown {
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
        draft: queue.kioskDraft(hall, station, (input as QueueOpParsed<'kioskDraft'>).ticketId),
      };
    case 'takeKioskDraft':
      return {
        draft: queue.takeKioskDraft(hall, station, input as QueueOpParsed<'takeKioskDraft'>),
      };
    case 'lookup':
      return queue.lookup(input as QueueOpParsed<'lookup'>);
  }
}

/**
 * `POST /v1/queue/<op>`: the hall queue for the stations of a hall (see docs/queue.md).
 * Authenticated with the same device tokens as sync.
 */
export function mountQueueRoutes(app: Hono<Env>, auth: DeviceAuth, queue: QueueStore): void {
  app.post('/v1/queue/:op', async (c) => {
    const outcome = auth.verify(c.req.header('authorization'));
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') {
        return fail(c, 403, {
          code: 'FORBIDDEN',
          message: '该设备已被停用',
          messageEn: 'This device has been disabled',
        });
      }
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, 401, {
        code: outcome.reason === 'expired' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED',
        message: '缺少或无效的访问令牌',
        messageEn: 'Missing or invalid access token',
      });
    }
    const op = c.req.param('op');
    if (!isQueueOp(op)) {
      return fail(c, 404, {
        code: 'NOT_FOUND',
        message: '没有该接口',
        messageEn: 'No such endpoint',
      });
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return fail(c, 400, {
        code: 'BAD_REQUEST',
        message: '请求格式不正确',
        messageEn: 'The request is malformed',
      });
    }
    const parsed = QUEUE_OPS[op].input.safeParse(body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.') || undefined;
      return fail(c, 400, {
        code: 'BAD_REQUEST',
        message: field ? `请求字段 ${field} 不正确` : '请求格式不正确',
        messageEn: field ? `Request field ${field} is invalid` : 'The request is malformed',
        ...(field ? { field } : {}),
      });
    }
    try {
      return c.json(run(queue, outcome.device, op, parsed.data) as object);
    } catch (err) {
      if (err instanceof QueueRefusal) return fail(c, err.status, err.body);
      throw err;
    }
  });
}
