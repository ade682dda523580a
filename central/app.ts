import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DeviceAuth } from './auth';
import { fail } from './errors';
import {
  badRequest,
  firstPath,
  jsonBodiesOnly,
  shallowJsonOnly,
  limitBody,
  readJson,
  requireDevice,
  type CentralEnv,
} from './http';
import type { Ledger } from './ledger';
import { mountAdminRoutes } from './admin-routes';
import type { AuditTails } from './audit-tail';
import { registerRefused } from './register-refusals';
import { mountQueueRoutes } from './queue/routes';
import { mountAppointmentRoutes } from './appointments/routes';
import type { AppointmentStore } from './appointments/store';
import { mountHubVouch } from './hub-vouch';
import { StoreUnavailable } from './store/work';
import type { HubLink } from './hub-link';
import type { QueueStore } from './queue/store';
import {
  ChangesQuerySchema,
  PushEnvelopeSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  httpStatusOfResult,
  type PushResponse,
} from '../shared/sync/protocol';
import type { AlertsPage } from '../shared/sync/hall-record-payloads';
import type { OutagesPage } from '../shared/sync/outage-payloads';
import { CustomersQuerySchema } from '../shared/sync/customer-payloads';

export interface CentralAdmin {
  setFaults(spec: string): void;
  stats(): unknown;
  setDemo(enabled: boolean, intervalMs?: number): void;
}

export interface CentralAppDeps {
  auth: DeviceAuth;
  ledger: Ledger;
  admin: CentralAdmin;
  /** The hall ticket queue (POST /v1/queue/<op>), when this process serves the hall hub. */
  queue?: QueueStore;
  /** The hall's appointments (POST /v1/appointments/<op>), served beside the queue. */
  appointments?: AppointmentStore;
  /** The sync protocol (/v1/ops, /v1/changes): false for a hub alone. */
  sync?: boolean;
  /** A hall hub's link to central: station codes it does not know are vouched for there. */
  hubLink?: HubLink;
  /** /admin/* requires `Authorization: Bearer <adminToken>` (compared in constant time). */
  adminToken: string;
  /** Audit-trail tails reported with pushes. */
  auditTails: AuditTails;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The HTTP face of the reference central system: the /v1 protocol and a small admin API. */
export function createCentralApp(deps: CentralAppDeps): Hono<CentralEnv> {
  const { auth, ledger } = deps;
  const app = new Hono<CentralEnv>();

  app.use(
    '*',
    limitBody(MAX_BODY_BYTES, (c) =>
      fail(c, 'tooLarge', '请求过大', 'The request body is too large'),
    ),
  );
  app.use('*', jsonBodiesOnly);
  app.use('*', shallowJsonOnly);

  app.onError((err, c) => {
    // The database went away (or is restarting): the station sends the request again.
    if (err instanceof StoreUnavailable) {
      c.header('Retry-After', '1');
      return fail(
        c,
        'unavailable',
        '中心系统暂时不可用',
        'Central system temporarily unavailable',
        {
          retryAfterSeconds: 1,
        },
      );
    }
    // The error itself may hold request data; it is not echoed.
    return fail(c, 'internal', '中心系统内部错误', 'Central system internal error');
  });
  app.notFound((c) => fail(c, 'notFound', '没有该接口', 'No such endpoint'));

  app.get('/v1/health', (c) => c.json({ ok: true, time: new Date().toISOString() }));

  app.post('/v1/devices/register', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = RegisterRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const code = req.data.enrolmentCode;
    let vouched: Parameters<DeviceAuth['register']>[1];
    // A hub knows only the codes its own admin issued; a station's central code is vouched for.
    const local = code && deps.hubLink ? await auth.codes.redeem(code) : undefined;
    if (code && deps.hubLink && local && !local.ok && local.reason === 'unknown') {
      const answer = await deps.hubLink.vouch(code);
      if (!answer.ok) return c.json(answer.body, answer.status);
      vouched = { grant: answer.grant, codeHash: 'vouched-by-central' };
    }
    const out = await auth.register(req.data, vouched);
    if (!out.ok) return registerRefused(c, out.reason);
    return c.json(out.credentials, 201);
  });

  app.post('/v1/devices/token', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = RefreshRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const out = await auth.refresh(req.data.deviceId, req.data.refreshToken);
    if (!out.ok) {
      return out.reason === 'forbidden'
        ? fail(c, 'forbidden', '该设备已被停用', 'This device has been disabled')
        : fail(c, 'unauthenticated', '设备凭证无效', 'The device credentials are not valid');
    }
    return c.json(out.value);
  });

  if (deps.queue) mountQueueRoutes(app, auth, deps.queue);
  if (deps.appointments) mountAppointmentRoutes(app, auth, deps.appointments);

  // The admin guard first: Hono runs middleware in the order it was added.
  mountAdminRoutes(app, deps);
  if (deps.sync !== false) {
    mountSyncRoutes(app, auth, ledger, deps.auditTails);
    mountHubVouch(app, auth);
  }

  return app;
}

/** The sync protocol's routes: pushing operations, reading the change feed, advancing stages. */
function mountSyncRoutes(
  app: Hono<CentralEnv>,
  auth: DeviceAuth,
  ledger: Ledger,
  auditTails: AuditTails,
): void {
  const deviceOnly = requireDevice(auth);
  app.use('/v1/ops', deviceOnly);
  app.use('/v1/ops/*', deviceOnly);
  app.use('/v1/changes', deviceOnly);
  app.use('/v1/alerts', deviceOnly);
  app.use('/v1/outages', deviceOnly);
  app.use('/v1/customers', deviceOnly);

  app.post('/v1/ops', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const env = PushEnvelopeSchema.safeParse(body.value);
    if (!env.success) return badRequest(c, firstPath(env.error.issues) ?? 'ops');
    const device = c.get('device');
    const results = await ledger.applyBatch(device, env.data.ops);
    // The operations stand either way; a tail that went back or changed is an admin alert.
    const out: PushResponse = env.data.auditTail
      ? { results, auditTail: await auditTails.report(device.deviceId, env.data.auditTail) }
      : { results };
    return c.json(out);
  });

  app.put('/v1/ops/:opId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const op = body.value as { opId?: unknown } | null;
    if (typeof op !== 'object' || op === null || op.opId !== c.req.param('opId')) {
      return badRequest(c, 'opId');
    }
    const [result] = await ledger.applyBatch(c.get('device'), [op]);
    if (!result) return fail(c, 'internal', '中心系统内部错误', 'Central system internal error');
    return c.json(result, httpStatusOfResult(result.status) as ContentfulStatusCode);
  });

  app.get('/v1/changes', async (c) => {
    const q = ChangesQuerySchema.safeParse(c.req.query());
    if (!q.success) return badRequest(c, firstPath(q.error.issues));
    return c.json(await ledger.changesSince(c.get('device').hallCode, q.data.since, q.data.limit));
  });

  // The hall's alerts (its own and central's area alerts), pulled by every station's sync.
  app.get('/v1/alerts', async (c) => {
    const page: AlertsPage = { alerts: await ledger.records.alertsFor(c.get('device').hallCode) };
    return c.json(page);
  });

  // Planned outages of the device's hall's area only, pulled after the alerts.
  app.get('/v1/outages', async (c) => {
    const page: OutagesPage = { outages: await ledger.outages.forHall(c.get('device').hallCode) };
    return c.json(page);
  });

  // The hall's customers changed since a cursor (issue 15): only the device's own hall.
  app.get('/v1/customers', async (c) => {
    const q = CustomersQuerySchema.safeParse(c.req.query());
    if (!q.success) return badRequest(c, firstPath(q.error.issues));
    return c.json(await ledger.customers.page(c.get('device'), q.data.since, q.data.limit));
  });
}
