import type { z } from 'zod';
import {
  APPOINTMENT_OPS,
  type AppointmentOp,
  type AppointmentOpInput,
  type AppointmentOpOutput,
} from '../../../../shared/appointments/protocol';
import type { CentralConnection } from '../central-client';

/**
 * Calls `POST /v1/appointments/<op>` on the server the queue is on (the hall hub, or central
 * when one process plays both) with this station's device session. Throws `CentralError` only.
 */
export function createAppointmentLink(opts: { central: CentralConnection; timeoutMs?: number }) {
  const { http, session } = opts.central;
  const timeoutMs = opts.timeoutMs ?? 4000;
  // The copy is fetched in the background and each new booking in it costs the hub a scrypt.
  const copyTimeoutMs = Math.max(timeoutMs, 60_000);
  return async function call<O extends AppointmentOp>(
    op: O,
    input: AppointmentOpInput<O>,
  ): Promise<AppointmentOpOutput<O>> {
    // The output schema of `op`: AppointmentOpOutput<O> is its output type by definition.
    const schema = APPOINTMENT_OPS[op].output as z.ZodType as z.ZodType<AppointmentOpOutput<O>>;
    return session.authed((token) =>
      http.request(
        {
          method: 'POST',
          path: `/v1/appointments/${op}`,
          body: input,
          token,
          timeoutMs: op === 'offlineCopy' ? copyTimeoutMs : timeoutMs,
        },
        schema,
      ),
    );
  };
}

export type AppointmentLink = ReturnType<typeof createAppointmentLink>;
