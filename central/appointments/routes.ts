import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DeviceAuth, DeviceIdentity } from '../auth';
import { fail } from '../errors';
import { badRequest, firstPath, readJson, requireDevice, type CentralEnv } from '../http';
import { QueueRefusal } from '../queue/store';
import {
  APPOINTMENT_OPS,
  ONLINE_OPS,
  isAppointmentOp,
  type AppointmentOp,
  type AppointmentOpParsed,
} from '../../shared/appointments/protocol';
import { AppointmentRefusal, type AppointmentStore } from './store';

type Parsed<O extends AppointmentOp> = AppointmentOpParsed<O>;

/** One op: the hall and station come from the device's token, never from the body. */
function run(
  store: AppointmentStore,
  device: DeviceIdentity,
  op: AppointmentOp,
  input: unknown,
): Promise<unknown> {
  const hall = device.hallCode;
  const station = device.stationCode;
  switch (op) {
    case 'slots':
      return store.slots(hall, input as Parsed<'slots'>);
    case 'saveSlot':
      return store.saveSlot(hall, input as Parsed<'saveSlot'>);
    case 'removeSlot':
      return store.removeSlot(hall, (input as Parsed<'removeSlot'>).slotId);
    case 'book': {
      const body = input as Parsed<'book'>;
      const channel = device.role === 'online' ? 'online' : (body.channel ?? 'counter');
      return store.book(hall, station, channel, body);
    }
    case 'cancel':
      return store.cancel(hall, station, input as Parsed<'cancel'>);
    case 'dayList':
      return store.dayList(hall, (input as Parsed<'dayList'>).day);
    case 'checkIn':
      return store.checkIn(hall, station, input as Parsed<'checkIn'>);
    case 'figures':
      return store.figures(hall);
    case 'offlineCopy':
      return store.offlineCopy(hall);
    case 'replayCheckIn':
      return store.replayCheckIn(hall, station, input as Parsed<'replayCheckIn'>);
    case 'settings':
      return store.settings(hall);
    case 'saveSettings':
      return store.saveSettings(hall, (input as Parsed<'saveSettings'>).settings);
  }
}

/**
 * `POST /v1/appointments/<op>`: the hall's appointments, for its stations and for the
 * utility's online channels (a device enrolled with role `online`, limited to ONLINE_OPS).
 * Authenticated with device bearer tokens like the queue and sync (docs/appointments.md).
 */
export function mountAppointmentRoutes(
  app: Hono<CentralEnv>,
  auth: DeviceAuth,
  store: AppointmentStore,
): void {
  app.use('/v1/appointments/*', requireDevice(auth, { online: true }));
  app.post('/v1/appointments/:op', async (c) => {
    const op = c.req.param('op');
    if (!isAppointmentOp(op)) return fail(c, 'notFound', '没有该接口', 'No such endpoint');
    const device = c.get('device');
    if (device.role === 'online' && !ONLINE_OPS.includes(op)) {
      return fail(
        c,
        'forbidden',
        '网上渠道只能查询时段、预约和取消预约',
        'An online channel may only list slots, book and cancel',
      );
    }
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const parsed = APPOINTMENT_OPS[op].input.safeParse(body.value);
    if (!parsed.success) return badRequest(c, firstPath(parsed.error.issues));
    try {
      return c.json((await run(store, device, op, parsed.data)) as object);
    } catch (err) {
      if (err instanceof AppointmentRefusal || err instanceof QueueRefusal) {
        return c.json(err.body, err.status as ContentfulStatusCode);
      }
      throw err;
    }
  });
}
