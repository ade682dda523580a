import { z } from 'zod';
import { OpSchema } from '../shared/sync/protocol';

/**
 * An operation as OpSchema checks it, but its payload only checked to be a JSON object here
 * instead of copied member by member: the kind's own schema validates every member right after
 * (decide, HallRecords, CentralCustomers). Same answers, about half of the envelope's CPU.
 */
export const OpEnvelopeSchema = OpSchema.extend({
  payload: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  ),
});
