import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { CentralAppDeps } from './app';
import { fail } from './errors';
import { badRequest, firstPath, readJson, type CentralEnv } from './http';
import { ENROLLED_ROLES, MAX_CODE_MINUTES } from './enrolment';
import { mountHallRecordAdmin } from './hall-records-admin';
import {
  AdvanceRequestSchema,
  SiteCodeSchema,
  type AdvanceResponse,
} from '../shared/sync/protocol';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** `Authorization: Bearer <admin token>`, compared in constant time (over digests of equal size). */
export function requireAdmin(adminToken: string): MiddlewareHandler {
  const expected = digest(`Bearer ${adminToken}`);
  return async (c, next) => {
    const given = digest(c.req.header('authorization') ?? '');
    if (!timingSafeEqual(given, expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, 'unauthenticated', '需要管理口令', 'Admin token required');
    }
    await next();
  };
}

const EnrolmentRequestSchema = z.object({
  hallCode: SiteCodeSchema,
  stationCode: SiteCodeSchema,
  role: z.enum(ENROLLED_ROLES).default('staff'),
  validMinutes: z.number().int().min(1).max(MAX_CODE_MINUTES).optional(),
});

/** The admin API: every route behind the admin token. */
export function mountAdminRoutes(app: Hono<CentralEnv>, deps: CentralAppDeps): void {
  const { auth, ledger, admin } = deps;
  app.use('/admin/*', requireAdmin(deps.adminToken));

  app.post('/admin/enrolments', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = EnrolmentRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    return c.json(await auth.codes.issue(req.data), 201);
  });

  app.get('/admin/audit-alerts', async (c) => c.json({ alerts: await deps.auditTails.alerts() }));

  app.post('/admin/advance', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = AdvanceRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const out = await ledger.advance(req.data);
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

  mountHallRecordAdmin(app, deps);

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

  app.get('/admin/stats', async (c) =>
    c.json({
      ...((await admin.stats()) as object),
      auditTailRefusals: await deps.auditTails.refusedCount(),
    }),
  );

  app.post('/admin/devices/:deviceId/revoke', async (c) =>
    (await auth.setRevoked(c.req.param('deviceId'), true))
      ? c.json({ ok: true })
      : fail(c, 'notFound', '没有该设备', 'No such device'),
  );
  app.post('/admin/devices/:deviceId/restore', async (c) =>
    (await auth.setRevoked(c.req.param('deviceId'), false))
      ? c.json({ ok: true })
      : fail(c, 'notFound', '没有该设备', 'No such device'),
  );
  app.post('/admin/tokens/expire', async (c) => {
    const body = await readJson(c);
    const deviceId = body.ok ? (body.value as { deviceId?: unknown } | null)?.deviceId : undefined;
    return c.json({
      expired: await auth.expireTokens(typeof deviceId === 'string' ? deviceId : undefined),
    });
  });
}
