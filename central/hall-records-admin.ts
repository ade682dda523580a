import type { Hono } from 'hono';
import { z } from 'zod';
import type { CentralAppDeps } from './app';
import { fail } from './errors';
import { badRequest, firstPath, readJson, type CentralEnv } from './http';
import { ALERT_LEVELS } from '../shared/alerts/levels';
import { SiteCodeSchema } from '../shared/sync/protocol';

const AreaAlertSchema = z.object({
  halls: z.array(SiteCodeSchema).min(1).max(500),
  area: z.string().min(1).max(100),
  level: z.enum(ALERT_LEVELS),
  reason: z.string().min(1).max(200),
  staffGuidance: z.string().max(1000).default(''),
  customerNotice: z.string().max(300).default(''),
  scripts: z.array(z.string().max(300)).max(10).default([]),
  endsAt: z.iso.datetime({ offset: true }),
  raisedBy: z.string().min(1).max(60).default('central'),
});

const OutageSchema = z
  .object({
    area: z.string().trim().min(1).max(100),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    affected: z.string().min(1).max(500),
    customerNotice: z.string().max(300).default(''),
  })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), { path: ['endsAt'] });

const HallAreaSchema = z.object({
  districtCode: z.string().regex(/^\d{6}$/),
  districtName: z.string().trim().min(1).max(100),
});

/**
 * The admin side of the hall's records (behind the admin token, mounted by admin-routes.ts):
 * area alerts raised and ended for several halls at once, and a hall's requests as central
 * holds them (numbers, kinds and commitments only), planned outages published for an area
 * and the area (district) each hall is in.
 */
export function mountHallRecordAdmin(app: Hono<CentralEnv>, deps: CentralAppDeps): void {
  const records = deps.ledger.records;

  app.post('/admin/alerts', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = AreaAlertSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    return c.json(await records.raiseAreaAlert(req.data), 201);
  });

  app.post('/admin/alerts/:id/end', async (c) =>
    (await records.endAreaAlert(c.req.param('id'), 'central'))
      ? c.json({ ok: true })
      : fail(c, 'notFound', '没有该区域预警', 'No such area alert'),
  );

  app.put('/admin/halls/:hall/area', async (c) => {
    const hall = SiteCodeSchema.safeParse(c.req.param('hall'));
    if (!hall.success) return badRequest(c, 'hall');
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = HallAreaSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    await deps.ledger.outages.setHallArea(hall.data, req.data);
    return c.json({ ok: true });
  });

  app.post('/admin/outages', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = OutageSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    return c.json(await deps.ledger.outages.publish(req.data), 201);
  });

  app.get('/admin/requests', async (c) => {
    const hall = SiteCodeSchema.safeParse(c.req.query('hall'));
    if (!hall.success) return badRequest(c, 'hall');
    return c.json({ requests: await records.requestsOf(hall.data) });
  });
}
