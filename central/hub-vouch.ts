import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { DeviceAuth } from './auth';
import { fail } from './errors';
import { badRequest, firstPath, readJson, requireDevice, type CentralEnv } from './http';
import { registerRefused } from './register-refusals';
import { EnrolmentCodeSchema } from '../shared/sync/protocol';

export const VouchRequestSchema = z.object({ enrolmentCode: EnrolmentCodeSchema }).strict();
export const VouchResponseSchema = z.object({
  hallCode: z.string(),
  stationCode: z.string(),
  role: z.enum(['staff', 'kiosk', 'display']),
});
export type VouchResponse = z.infer<typeof VouchResponseSchema>;

/** Only a hall hub's own credential may ask central to vouch. */
const hubOnly: MiddlewareHandler<CentralEnv> = async (c, next) => {
  if (c.get('device').role !== 'hub') {
    return fail(
      c,
      'forbidden',
      '只有叫号服务器可以核验登记码',
      'Only a hall hub may vouch for codes',
    );
  }
  await next();
};

/**
 * `POST /v1/hub/vouch {enrolmentCode}` (central): a hall hub, enrolled here with its own code,
 * asks whether a station's code is one of its hall's. Central answers the code's hall, station
 * and role and spends it for hubs (once); central's own use of the code is separate, so one code
 * per station enrols it with both. Another hall's code answers as an unknown one.
 */
export function mountHubVouch(app: Hono<CentralEnv>, auth: DeviceAuth): void {
  app.use('/v1/hub/vouch', requireDevice(auth, { hub: true }), hubOnly);
  app.post('/v1/hub/vouch', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return badRequest(c);
    const req = VouchRequestSchema.safeParse(body.value);
    if (!req.success) return badRequest(c, firstPath(req.error.issues));
    const hub = c.get('device');
    const out = await auth.codes.vouch(req.data.enrolmentCode, hub);
    if (!out.ok) return registerRefused(c, `code_${out.reason}`);
    const res: VouchResponse = VouchResponseSchema.parse(out.grant);
    return c.json(res);
  });
}
