import type { ApplicationDetail, ApplicationInput } from '../../../../shared/api/schemas';
import type { StationKind } from '../../../../shared/api/methods/queue';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import type { QueueOpInput } from '../../../../shared/queue/protocol';
import type { Board, Channel, RateInput } from '../../../../shared/queue/schemas';
import { toHallIso } from '../../../../shared/hall-time';
import { createCentralConnection, type CentralConnection, type FetchLike } from '../central-client';
import type { Database } from '../db';
import { createChecklists } from './checklists';
import { createRemote, type QueueContext } from './context';
import { createCounter } from './counter';
import { createKiosk } from './kiosk';
import { createQueueLink } from './link';
import { createIssuing } from './offline-merge';
import { createOfflineTickets } from './offline-tickets';
import { createStationSettings } from './station-settings';
import { createBoardWatch } from './board-watch';
import type { QueueChangeKind } from '../../../../shared/api/events';

export { queueError } from './errors';

export interface QueueServiceOptions {
  db: Database;
  /** The hall's shared store (the central system); absent = no shared queue at this station. */
  centralUrl?: string;
  /**
   * The connection (HTTP client and device session) shared with sync, so the station is one
   * device with one token; when absent (and centralUrl is set) the service opens its own.
   */
  central?: CentralConnection;
  hallCode: string;
  stationCode: string;
  /** The station's one-time enrolment code, or (demo mode) the development secret. */
  enrolmentCode?: string | undefined;
  registrationSecret?: string | undefined;
  kind: StationKind;
  /** The kiosk's business types: the version in force at the hall's date. */
  catalogues: CatalogueShelf;
  /** For the clerk's verification of a kiosk draft: the same saveDraft the counter uses. */
  saveDraft: (input: ApplicationInput, actor: string) => ApplicationDetail;
  now?: () => number;
  fetch?: FetchLike;
  /** Counters wait on shared-queue calls: keep them short (default 4 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** How often offline tickets are offered to the shared queue again (default 10 s). */
  mergeEveryMs?: number;
  kioskIdleSeconds?: number;
  kioskCountdownSeconds?: number;
  /** A board change anywhere in the hall (the hub's watch): the events area pushes it. */
  onBoardChange?: (kind: QueueChangeKind, version: number | null, board: Board | null) => void;
}

/**
 * The station's queue service: the shared queue through the central link, offline tickets and
 * their merge, the counter, the guide's checklists and the kiosk.
 */
export function createQueueService(opts: QueueServiceOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const central =
    opts.central ??
    (opts.centralUrl
      ? createCentralConnection({
          db: opts.db,
          baseUrl: opts.centralUrl,
          hallCode: opts.hallCode,
          stationCode: opts.stationCode,
          enrolmentCode: opts.enrolmentCode,
          registrationSecret: opts.registrationSecret,
          fetch: opts.fetch,
          timeoutMs: opts.timeoutMs ?? 4000,
          now,
        })
      : undefined);
  const link = central ? createQueueLink({ central, timeoutMs: opts.timeoutMs, now }) : undefined;
  const channel: Channel =
    opts.kind === 'kiosk' ? 'kiosk' : opts.kind === 'staff' ? 'guide' : 'counter';
  const ctx: QueueContext = {
    db: opts.db,
    link,
    settings: createStationSettings(opts.db),
    channel,
    now,
    log,
    remote: createRemote(link, log),
  };
  const offline = createOfflineTickets(opts.db, opts.stationCode);
  const issuing = createIssuing(ctx, offline, { mergeEveryMs: opts.mergeEveryMs });
  const counter = createCounter(ctx, opts.saveDraft);
  const kiosk = createKiosk(ctx, issuing, opts);
  const { remote } = ctx;

  return {
    ...kiosk,
    ...counter,
    ...issuing,
    status: () => {
      const h = link?.health();
      const c = offline.counts();
      return {
        configured: link !== undefined,
        online: h?.online ?? false,
        lastError: h?.lastError ?? null,
        lastSuccessAt: h?.lastSuccessAt ? toHallIso(h.lastSuccessAt) : null,
        offlinePending: c.pending,
        offlineMerged: c.merged,
        offlineVoid: c.void,
      };
    },
    cancel: (ticketId: string) => remote('cancel', { ticketId }),
    tickets: (input: QueueOpInput<'tickets'>) => remote('tickets', input),
    board: (limit: number) => remote('board', { limit }),
    measures: (input: QueueOpInput<'measures'>) => remote('measures', input),
    rate: (input: RateInput) => remote('rate', input),
    /** One customer's tickets of this hall with their ratings (the customer timeline). */
    customerTickets: (customerRefs: string[]) => remote('customerTickets', { customerRefs }),
    checklists: createChecklists(opts.db, now),
    /** Started by the events area when the first screen subscribes; absent without a hub. */
    boardWatch:
      link && opts.onBoardChange
        ? createBoardWatch({ link, onChange: opts.onBoardChange, log })
        : undefined,
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
