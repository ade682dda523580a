import { toHallIso } from '../../../../shared/hall-time';
import { isBusinessRefusal } from '../central-client';
import type { OfflineTickets } from '../queue/offline-tickets';
import { isUnavailable } from '../queue/errors';
import type { AppointmentLink } from './link';
import type { OfflineCopyStore } from './offline-copy';

/**
 * The station's traffic for check-in with the hub down: it fetches the hub's copy of today's
 * and tomorrow's bookings (at start, every `everyMs`, after its own bookings), and offers the
 * check-ins made from the copy to the hub once it answers, oldest first, each once.
 */
export function createOfflineSync(deps: {
  link: AppointmentLink;
  copy: OfflineCopyStore;
  tickets: OfflineTickets;
  now: () => number;
  log: (line: string) => void;
  everyMs?: number | undefined;
}) {
  const { link, copy, tickets, now, log } = deps;

  async function refresh(): Promise<boolean> {
    try {
      copy.save(await link('offlineCopy', {}), now());
      return true;
    } catch (err) {
      if (!isUnavailable(err)) log(`appointments: offline copy refused: ${describe(err)}`);
      return false;
    }
  }

  /** Offers every pending check-in; stops at the first outage. Returns how many the hub took. */
  async function replay(): Promise<number> {
    let taken = 0;
    for (const row of copy.pending()) {
      const ticket = row.checkin_ticket_id ? tickets.get(row.checkin_ticket_id) : undefined;
      if (!ticket || row.checkin_at === null || !row.checkin_proof || !row.checkin_channel) {
        copy.refused(row.booking_id, 'incomplete');
        continue;
      }
      try {
        await link('replayCheckIn', {
          bookingId: row.booking_id,
          proof: row.checkin_proof,
          checkedInAt: toHallIso(row.checkin_at),
          ticket: { id: ticket.id, number: ticket.number, issuedAt: toHallIso(ticket.issued_at) },
          channel: row.checkin_channel,
        });
        copy.replayed(row.booking_id);
        // The hub holds the ticket now (merged by the replay): the queue's merge has nothing to do.
        if (ticket.state === 'pending') tickets.merged(ticket.id, now());
        taken += 1;
      } catch (err) {
        if (isUnavailable(err)) return taken;
        if (!isBusinessRefusal(err)) throw err;
        // Cancelled, a no-show by then, another day: the offline ticket stays with the queue's
        // merge (the customer holds it); the booking keeps the hub's state.
        copy.refused(row.booking_id, `${err.status} ${err.body.reason ?? err.body.code}`);
      }
    }
    return taken;
  }

  let running: Promise<void> | undefined;
  /** Replay, then a fresh copy (the replayed bookings come back checked in). */
  function round(): Promise<void> {
    running ??= (async () => {
      try {
        if (copy.counts().pending > 0) await replay();
        await refresh();
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  let timer: NodeJS.Timeout | undefined;
  return {
    refresh,
    replay,
    round,
    start(): void {
      if (timer) return;
      void round().catch((err: unknown) =>
        log(`appointments: offline round failed: ${describe(err)}`),
      );
      timer = setInterval(() => {
        round().catch((err: unknown) =>
          log(`appointments: offline round failed: ${describe(err)}`),
        );
      }, deps.everyMs ?? 60_000);
      timer.unref?.();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type OfflineSync = ReturnType<typeof createOfflineSync>;

const describe = (err: unknown): string => (err instanceof Error ? err.name : typeof err);
