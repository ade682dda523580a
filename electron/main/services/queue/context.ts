import { z } from 'zod';
import type { QueueOp, QueueOpInput, QueueOpOutput } from '../../../../shared/queue/protocol';
import type { Channel } from '../../../../shared/queue/schemas';
import type { Database } from '../db';
import { NOT_CONFIGURED, isUnavailable, queueError } from './errors';
import type { QueueLink } from './link';
import type { StationSettings } from './station-settings';

/** Keys of this station's queue settings. */
export const SETTINGS = {
  config: 'queue.config',
  current: 'queue.current',
  kioskContent: 'kiosk.content',
  kioskIdle: 'kiosk.idleSeconds',
} as const;

export const CurrentSchema = z.object({ id: z.uuid(), number: z.string() }).nullable();

/** What the counter, kiosk and offline parts of the queue service share. */
export interface QueueContext {
  db: Database;
  /** Absent: no shared queue at this station. */
  link: QueueLink | undefined;
  settings: StationSettings;
  channel: Channel;
  now: () => number;
  log: (line: string) => void;
  /** One shared-queue call, errors turned into the contract's. */
  remote<O extends QueueOp>(op: O, input: QueueOpInput<O>): Promise<QueueOpOutput<O>>;
}

export function createRemote(
  link: QueueLink | undefined,
  log: (line: string) => void,
): QueueContext['remote'] {
  return async (op, input) => {
    if (!link) throw NOT_CONFIGURED;
    try {
      return await link.call(op, input);
    } catch (err) {
      if (isUnavailable(err)) log(`queue: ${op} unreachable: ${err.describe()}`);
      throw queueError(err);
    }
  };
}
