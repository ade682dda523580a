import type { z } from 'zod';
import {
  QUEUE_OPS,
  type QueueOp,
  type QueueOpInput,
  type QueueOpOutput,
} from '../../../../shared/queue/protocol';
import { CentralError, isBusinessRefusal, type CentralConnection } from '../central-client';

export interface LinkHealth {
  online: boolean;
  lastError: string | null;
  lastSuccessAt: number | null;
}

/**
 * Calls `POST /v1/queue/<op>` with this station's device session (the one sync uses: a
 * station is one device for sync and queue alike). Throws `CentralError` only.
 */
export function createQueueLink(opts: {
  central: CentralConnection;
  /** Counters wait on these calls: keep them short (default 4 s). */
  timeoutMs?: number | undefined;
  now: () => number;
}) {
  const { http, session } = opts.central;
  const timeoutMs = opts.timeoutMs ?? 4000;
  const health: LinkHealth = { online: false, lastError: null, lastSuccessAt: null };

  async function call<O extends QueueOp>(
    op: O,
    input: QueueOpInput<O>,
    /** A long poll (`watch`) waits longer than a counter's call. */
    callTimeoutMs: number = timeoutMs,
  ): Promise<QueueOpOutput<O>> {
    try {
      // The output schema of `op`: QueueOpOutput<O> is its output type by definition.
      const schema = QUEUE_OPS[op].output as z.ZodType as z.ZodType<QueueOpOutput<O>>;
      const out = await session.authed((token) =>
        http.request(
          { method: 'POST', path: `/v1/queue/${op}`, body: input, token, timeoutMs: callTimeoutMs },
          schema,
        ),
      );
      health.online = true;
      health.lastError = null;
      health.lastSuccessAt = opts.now();
      return out;
    } catch (err) {
      if (isBusinessRefusal(err)) {
        // An answer is an answer: the link is up.
        health.online = true;
        health.lastSuccessAt = opts.now();
      } else if (err instanceof CentralError) {
        health.online = false;
        health.lastError = err.describe();
      }
      throw err;
    }
  }

  return { call, health: (): LinkHealth => ({ ...health }) };
}

export type QueueLink = ReturnType<typeof createQueueLink>;
