import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DeviceAuth } from './auth';
import { fail } from './errors';
import {
  badRequest,
  firstPath,
  jsonBodiesOnly,
  readJson,
  requireDevice,
  type CentralEnv,
} from './http';
import type { Ledger } from './ledger';
import { mountQueueRoutes } from './queue/routes';
import type { QueueStore } from './queue/store';
import {
  AdvanceRequestSchema,
  ChangesQuerySchema,
  PushEnvelopeSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  httpStatusOfResult,
  type AdvanceResponse,
  type PushResponse,
} from '../shared/sync/protocol';

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
  /** The sync protocol (/v1/ops, /v1/changes, /admin/advance): false for a hub alone. */
  sync?: boolean;
  /** When set, /admin/* requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The HTTP face of the reference central system: the /v1 protocol and a small admin API. */
export function createCentralApp(deps: CentralAppDeps): Hono<CentralEnv> {
  const { auth, ledger, admin } = deps;
  const app = new Hono<CentralEnv>();

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(c, 'tooLarge', '请求过大', 'The request body is too large'),
    }),
  );
  app.use('*', jsonBodiesOnly);

  app.onError((_err, c) =>
    // The error itself may hold request data; it is not echoed.
    fail(c, 'internal', '中心系统内部错误', 'Central system internal error'),
  );
  app.notFound((c) => fail(c, 'notFound', '没有该接口', 'No such endpoint'));

  app.get('/v1/health', (c) => c.json({ ok: true, time: new Date().toISOString() }));

  app.post('/v1/devices/register', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = RegisterRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const out = auth.register(req.data);
    if (!out.ok) {
      return out.reason === 'secret'
        ? fail(c, 'unauthenticated', '注册口令不正确', 'The registration secret is wrong')
        : fail(c, 'forbidden', '该设备已被停用', 'This device has been disabled');
    }
    return c.json(out.credentials, 201);
  });

  app.post('/v1/devices/token', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = RefreshRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const out = auth.refresh(req.data.deviceId, req.data.refreshToken);
    if (!out.ok) {
      return out.reason === 'forbidden'
        ? fail(c, 'forbidden', '该设备已被停用', 'This device has been disabled')
        : fail(c, 'unauthenticated', '设备凭证无效', 'The device credentials are not valid');
    }
    return c.json(out.value);
  });

  if (deps.queue) mountQueueRoutes(app, auth, deps.queue);

  // ---------------------------------------------------------------- admin
  app.use('/admin/*', async (c, next) => {
    if (deps.adminToken && c.req.header('authorization') !== `Bearer ${deps.adminToken}`) {
      return fail(c, 'unauthenticated', '需要管理口令', 'Admin token required');
    }
    await next();
  });
  // After the admin guard: Hono runs middleware in the order it was added.
  if (deps.sync !== false) mountSyncRoutes(app, auth, ledger);

  app.post('/admin/faults', async (c) => {
    const body = await readJson(c);
    const spec = body.ok ? (body.value as { spec?: unknown } | null)?.spec : undefined;
    if (typeof spec !== 'string') return badRequest(c, 'spec');
    try {
      admin.setFaults(spec);
    } catch (err) {
      return fail(c, 'unprocessable', '故障设置无法识别', (err as Error).message, {
        field: 'spec',
      });
    }
    return c.json({ ok: true });
  });

  app.post('/admin/demo', async (c) => {
    const body = await readJson(c);
    const v = (body.ok ? body.value : null) as { enabled?: unknown; intervalMs?: unknown } | null;
    if (typeof v?.enabled !== 'boolean') return badRequest(c, 'enabled');
    admin.setDemo(v.enabled, typeof v.intervalMs === 'number' ? v.intervalMs : undefined);
    return c.json({ ok: true });
  });

  app.get('/admin/stats', (c) => c.json(admin.stats() as object));

  app.post('/admin/devices/:deviceId/revoke', (c) =>
    auth.setRevoked(c.req.param('deviceId'), true)
      ? c.json({ ok: true })
      : fail(c, 'notFound', '没有该设备', 'No such device'),
  );
  app.post('/admin/devices/:deviceId/restore', (c) =>
    auth.setRevoked(c.req.param('deviceId'), false)
      ? c.json({ ok: true })
      : fail(c, 'notFound', '没有该设备', 'No such device'),
  );
  app.post('/admin/tokens/expire', async (c) => {
    const body = await readJson(c);
    const deviceId = body.ok ? (body.value as { deviceId?: unknown } | null)?.deviceId : undefined;
    return c.json({
      expired: auth.expireTokens(typeof deviceId === 'string' ? deviceId : undefined),
    });
  });

  return app;
}

/** The sync protocol's routes: pushing operations, reading the change feed, advancing stages. */
function mountSyncRoutes(app: Hono<CentralEnv>, auth: DeviceAuth, ledger: Ledger): void {
  const deviceOnly = requireDevice(auth);
  app.use('/v1/ops', deviceOnly);
  app.use('/v1/ops/*', deviceOnly);
  app.use('/v1/changes', deviceOnly);

  app.post('/v1/ops', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const env = PushEnvelopeSchema.safeParse(body.value);
    if (!env.success) return badRequest(c, firstPath(env.error.issues) ?? 'ops');
    const results = ledger.applyBatch(c.get('device'), env.data.ops);
    const out: PushResponse = { results };
    return c.json(out);
  });

  app.put('/v1/ops/:opId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const op = body.value as { opId?: unknown } | null;
    if (typeof op !== 'object' || op === null || op.opId !== c.req.param('opId')) {
      return badRequest(c, 'opId');
    }
    const [result] = ledger.applyBatch(c.get('device'), [op]);
    if (!result) return fail(c, 'internal', '中心系统内部错误', 'Central system internal error');
    return c.json(result, httpStatusOfResult(result.status) as ContentfulStatusCode);
  });

  app.get('/v1/changes', (c) => {
    const q = ChangesQuerySchema.safeParse(c.req.query());
    if (!q.success) return badRequest(c, firstPath(q.error.issues));
    return c.json(ledger.changesSince(c.get('device').hallCode, q.data.since, q.data.limit));
  });

  app.post('/admin/advance', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = AdvanceRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const out = ledger.advance(req.data);
    if (!out.ok) {
      if (out.reason === 'not_found')
        return fail(c, 'notFound', '没有该申请', 'No such application');
      return out.reason === 'unknown_stage'
        ? fail(c, 'unprocessable', '该申请没有此环节', 'The application has no such stage', {
            field: 'stage',
          })
        : fail(c, 'conflict', '环节只能前进', 'Stages only move forward', { field: 'stage' });
    }
    const { ok: _ok, ...rest } = out;
    const res: AdvanceResponse = rest;
    return c.json(res);
  });
}
