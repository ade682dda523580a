import type { Database } from '../db';
import {
  CentralError,
  createCentralConnection,
  type CentralConnection,
  type FetchLike,
  type Transport,
} from '../central-client';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createOutbox, type Outbox, type OutboxCounts } from './outbox';
import { createPuller, type Puller } from './pull';
import { pullChanges } from './pull-changes';
import { createPusher, type Pusher } from './push';
import { createScheduler, type Scheduler } from './scheduler';
import { SyncHealth, type CycleOutcome, type SyncAlert } from './sync-health';
import { createSyncState, type SyncState } from './sync-state';
import { createWatchdog, type Watchdog } from './watchdog';
import type { AuditTail } from '../../../../shared/sync/protocol';

export type { SyncAlert } from './sync-health';

export interface SyncStatus {
  /** A central system is configured (false: everything waits in the outbox). */
  configured: boolean;
  /** The last exchange reached the central system (any HTTP answer). */
  online: boolean;
  /** Set after a 403 (or a refused registration): nothing is sent until resume(). */
  halted: SyncAlert['code'] | null;
  registered: boolean;
  counts: OutboxCounts;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Status codes and error classes only, never content. */
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  pullCursor: number;
  alerts: SyncAlert[];
}

export type SyncEvent =
  { type: 'status'; status: SyncStatus } | { type: 'alert'; alert: SyncAlert };

export interface SyncEngineOptions {
  db: Database;
  centralUrl: string;
  /** False when no central system is configured (the engine is then never started). */
  configured?: boolean;
  hallCode: string;
  stationCode: string;
  /** The station's one-time enrolment code, or (demo mode) the development secret. */
  enrolmentCode?: string | undefined;
  registrationSecret?: string | undefined;
  /**
   * The connection (HTTP client and device session) shared with the queue; when absent the
   * engine opens its own from centralUrl, fetch and requestTimeoutMs.
   */
  central?: CentralConnection;
  deviceName?: string;
  fetch?: FetchLike;
  /** How requests go out when no fetch is given (default: node:http with keep-alive). */
  transport?: Transport;
  now?: () => number;
  random?: () => number;
  newInstallationId?: () => string;
  /** Operations in the first request (1 = one request per operation); then it adapts. */
  batchSize?: number;
  /** The most operations one request may grow to (default: the protocol's maximum). */
  maxBatchSize?: number;
  /** A full batch answered within this may grow; one twice as slow shrinks it (default 500 ms). */
  batchTargetMs?: number;
  pullPageSize?: number;
  requestTimeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Pause between cycles when there is nothing to send: how fresh the mirrored stages are. */
  idlePollMs?: number;
  /** The watchdog alerts when pending work has not moved for stallMs while the link is up. */
  watchdog?: { checkMs?: number; stallMs?: number };
  onEvent?: (event: SyncEvent) => void;
  /** Gets status codes, counts and error classes only. */
  log?: (line: string) => void;
  /** Test seams for crash tests: run at the two moments a crash matters most. */
  /** The station audit trail's last row id and hash, sent with each push (createServices). */
  auditTail?: () => AuditTail;
  hooks?: { afterPushAnswer?: () => void; beforePullCommit?: () => void };
  /**
   * More to pull once the change feed is caught up (the hall alerts). Its link failures are
   * logged and never fail the cycle: an older central without the endpoint keeps syncing.
   */
  afterPull?: (central: CentralConnection) => Promise<void>;
}

/**
 * Drains the outbox to the central system and mirrors central stages back. Plain Node with an
 * injectable clock, fetch and random source; every step is safe to repeat after a crash,
 * because operations carry their idempotency keys and every state change is one transaction.
 * The parts: push, pull, the scheduler, the watchdog, and the health they share.
 */
export class SyncEngine {
  private readonly opts: SyncEngineOptions;
  private readonly now: () => number;
  private readonly central: CentralConnection;
  private readonly state: SyncState;
  private readonly outbox: Outbox;
  private readonly puller: Puller;
  private readonly health: SyncHealth;
  private readonly pusher: Pusher;
  private readonly scheduler: Scheduler;
  private readonly watchdog: Watchdog;
  private interruptedShown = false;

  constructor(opts: SyncEngineOptions) {
    this.opts = opts;
    const db = opts.db;
    this.now = opts.now ?? Date.now;
    this.central =
      opts.central ??
      createCentralConnection({
        db,
        baseUrl: opts.centralUrl,
        hallCode: opts.hallCode,
        stationCode: opts.stationCode,
        enrolmentCode: opts.enrolmentCode,
        registrationSecret: opts.registrationSecret,
        deviceName: opts.deviceName,
        fetch: opts.fetch,
        transport: opts.transport,
        timeoutMs: opts.requestTimeoutMs ?? 30_000,
        now: this.now,
        newInstallationId: opts.newInstallationId,
      });
    this.state = createSyncState(db);
    this.outbox = createOutbox(db);
    this.puller = createPuller(db, this.state);
    this.health = new SyncHealth({
      state: this.state,
      outbox: this.outbox,
      now: this.now,
      random: opts.random ?? Math.random,
      backoff: { ...DEFAULT_BACKOFF, ...opts.backoff },
      log: opts.log,
      onAlert: (alert) => opts.onEvent?.({ type: 'alert', alert }),
    });
    this.pusher = createPusher({
      outbox: this.outbox,
      central: this.central,
      health: this.health,
      now: this.now,
      batchSize: opts.batchSize,
      maxBatchSize: opts.maxBatchSize,
      batchTargetMs: opts.batchTargetMs,
      log: opts.log,
      afterPushAnswer: opts.hooks?.afterPushAnswer,
      auditTail: opts.auditTail,
    });
    this.scheduler = createScheduler({
      cycle: () => this.cycle(),
      crashed: (err) => this.health.crashed(err),
      afterRun: () => this.emitStatus(),
      now: this.now,
      idlePollMs: opts.idlePollMs,
    });
    this.watchdog = createWatchdog({
      outbox: this.outbox,
      health: this.health,
      now: this.now,
      checkMs: opts.watchdog?.checkMs,
      stallMs: opts.watchdog?.stallMs,
      log: opts.log,
    });
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.scheduler.started) return;
    this.scheduler.start();
    this.watchdog.start();
  }

  /** Stops timers and waits for a cycle in flight to finish. */
  async stop(): Promise<void> {
    this.watchdog.stop();
    await this.scheduler.stop();
  }

  /** New work (a submit): sync soon, unless we are backing off from failures. */
  kick(): void {
    if (this.health.halted) return;
    this.scheduler.kick(this.health.failures > 0);
  }

  /** After an administrator re-enabled the device (or fixed the secret). */
  resume(): void {
    this.health.resume();
    this.scheduler.now();
    this.emitStatus();
  }

  /** One push-and-pull cycle now (tests, and the "sync now" button through kick()). */
  async runOnce(): Promise<CycleOutcome> {
    return this.cycle();
  }

  /** Pending work that has not moved for stallMs while the central system answers. */
  checkWatchdog(): void {
    this.watchdog.check();
  }

  /**
   * The status as screens read it: with what waits in the hall's terms. Only on request, not in
   * the status emitted after every run: it reads every pending row (~5 ms CPU at 10,000).
   */
  statusView(): SyncStatus & { counts: { waiting: ReturnType<Outbox['waiting']> } } {
    const s = this.status();
    return { ...s, counts: { ...s.counts, waiting: this.outbox.waiting() } };
  }

  status(): SyncStatus {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const lastSuccess = this.state.read('last_success_at');
    const h = this.health;
    return {
      configured: this.opts.configured ?? true,
      online: h.linkUp,
      halted: h.halted,
      registered: this.central.session.registered(),
      counts: this.outbox.counts(),
      lastSuccessAt: lastSuccess ? new Date(Number(lastSuccess)).toISOString() : null,
      lastAttemptAt: iso(h.lastAttemptAt),
      lastError: h.lastError,
      consecutiveFailures: h.failures,
      nextAttemptAt: iso(h.halted ? null : this.scheduler.nextAttemptAt()),
      pullCursor: this.state.pullCursor(),
      alerts: [...h.alerts],
    };
  }

  // ---------------------------------------------------------------- one cycle

  private async cycle(): Promise<CycleOutcome> {
    if (!this.interruptedShown) {
      // Off the start-up path: an attempt cut by a crash left its applications queued.
      this.outbox.showInterrupted();
      this.interruptedShown = true;
    }
    if (this.health.halted) return { next: 'halted' };
    if (!this.central.session.registered()) {
      try {
        await this.central.session.token();
        this.health.succeeded();
      } catch (err) {
        if (!(err instanceof CentralError)) throw err;
        return this.health.failed(err);
      }
    }
    const pushed = await this.pusher.pushAll();
    if (pushed) return pushed;
    const pulled = await pullChanges({
      puller: this.puller,
      state: this.state,
      central: this.central,
      health: this.health,
      pageSize: this.opts.pullPageSize,
      beforePullCommit: this.opts.hooks?.beforePullCommit,
    });
    if (pulled) return pulled;
    if (this.opts.afterPull) {
      try {
        await this.opts.afterPull(this.central);
      } catch (err) {
        if (!(err instanceof CentralError)) throw err;
        this.opts.log?.(`sync: extra pull failed: ${err.kind}`);
      }
    }
    this.health.failures = 0;
    this.health.progressed();
    return { next: 'idle' };
  }

  private emitStatus(): void {
    if (!this.opts.onEvent) return;
    // Runs from the scheduler's timer: a status that cannot be read (a stored value that no
    // longer opens) is logged by its kind, never thrown out of a timer to end the process.
    let status: SyncStatus;
    try {
      status = this.status();
    } catch (err) {
      this.opts.log?.(`sync: status unreadable: ${(err as Error).name}`);
      return;
    }
    this.opts.onEvent({ type: 'status', status });
  }
}
