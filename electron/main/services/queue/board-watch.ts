import type { QueueChangeKind } from '../../../../shared/api/events';
import type { Board } from '../../../../shared/queue/schemas';
import { QUEUE_WATCH_WAIT_MS } from '../../../../shared/queue/protocol';
import type { QueueLink } from './link';

/** Longer than the hub's wait, so an idle watch ends with the hub's answer, not our timeout. */
const WATCH_TIMEOUT_MS = QUEUE_WATCH_WAIT_MS + 5_000;
/** After a failed watch: try again after this, doubling up to the cap (the link is down). */
const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 5_000;

/**
 * How the station learns of board changes made anywhere in the hall: one long poll at a time
 * on the hub's change counter (`watch`), each change handed to `onChange`. After the link was
 * down, the first answer is a `resync` (anything may have changed meanwhile); so is losing it,
 * so that the screens read once and say the hall queue cannot be reached.
 */
export function createBoardWatch(opts: {
  link: QueueLink;
  /** `version` null: the link was just lost (the screens read again and show the outage). */
  onChange: (kind: QueueChangeKind, version: number | null, board: Board | null) => void;
  log: (line: string) => void;
}) {
  let running = false;
  let since: number | null = null;
  let failures = 0;
  let wake: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop(): Promise<void> {
    while (running) {
      try {
        const answer = await opts.link.call('watch', { since: since ?? 0 }, WATCH_TIMEOUT_MS);
        if (!running) return;
        const changed = since !== null && answer.version !== since;
        if (failures > 0 || changed) {
          const kind = failures > 0 || !answer.kind ? 'resync' : answer.kind;
          opts.onChange(kind, answer.version, answer.board);
        }
        since = answer.version;
        failures = 0;
      } catch {
        if (!running) return;
        if (failures === 0) {
          opts.log('queue: board watch lost the hall queue; retrying');
          opts.onChange('resync', null, null);
        }
        failures += 1;
        await pause(Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (failures - 1)));
      }
    }
  }

  return {
    /** Starts watching (once; later calls do nothing). */
    start(): void {
      if (running) return;
      running = true;
      void loop();
    },
    stop(): void {
      running = false;
      wake?.();
    },
  };
}
