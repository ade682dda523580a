import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db';
import {
  ChangesPageSchema,
  DeviceCredentialsSchema,
  MAX_OPS_PER_BATCH,
  PushResponseSchema,
  RefreshResponseSchema,
  type Op,
  type SyncOpKind,
} from '../../../../shared/sync/protocol';
import type { LocalizedText } from '../../../../shared/text';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { createOutbox, type Outbox, type OutboxCounts, type OutboxRow } from './outbox';
import { createPuller, type Puller } from './pull';
import { createSyncState, type SyncState } from './sync-state';
import { exchange, type Exchange, type FetchLike } from './transport';

export interface SyncAlert {
  code: 'forbidden' | 'registration_refused' | 'stalled';
  at: string;
  message: LocalizedText;
}

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
  registrationSecret: string;
  deviceName?: string;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  newInstallationId?: () => string;
  /** Operations per request (1 = one request per operation). */
  batchSize?: number;
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
  hooks?: { afterPushAnswer?: () => void; beforePullCommit?: () => void };
}

type CycleOutcome = { next: 'idle' | 'more' | 'halted' } | { next: 'retry'; delayMs: number };
type Failure = Exclude<Exchange<unknown>, { ok: true }>;

const ALERT_TEXT: Record<SyncAlert['code'], LocalizedText> = {
  forbidden: {
    zh: '中心系统拒绝了本设备，同步已停止，请联系管理员',
    en: 'The central system refused this device; sync has stopped. Call the administrator',
  },
  registration_refused: {
    zh: '设备注册被拒绝（注册口令不正确），同步已停止',
    en: 'Device registration was refused (wrong registration secret); sync has stopped',
  },
  stalled: {
    zh: '同步队列长时间没有进展，但与中心的连接正常',
    en: 'The sync queue has not moved for a long time although the central system answers',
  },
};

const describe = (f: Failure): string =>
  f.kind === 'http'
    ? `HTTP ${f.status}${f.body ? ` ${f.body.code}` : ''}`
    : `${f.kind}: ${f.detail}`;

/**
 * Drains the outbox to the central system and mirrors central stages back. Plain Node with an
 * injectable clock, fetch and random source; every step is safe to repeat after a crash,
 * because operations carry their idempotency keys and every state change is one transaction.
 */
export class SyncEngine {
  private readonly db: Database;
  private readonly opts: SyncEngineOptions;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly fetchFn: FetchLike;
  private readonly backoff: BackoffPolicy;
  private readonly state: SyncState;
  private readonly outbox: Outbox;
  private readonly puller: Puller;
  private batchSize: number;
  /** After a 400 on a batch, operations up to this seq go one at a time to find the bad one. */
  private singleStepUntil = 0;

  private timer: NodeJS.Timeout | undefined;
  private watchdogTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private started = false;
  private failures = 0;
  private linkUp = false;
  private lastError: string | null = null;
  private lastAttemptAt: number | null = null;
  private nextAttemptAt: number | null = null;
  private lastProgressAt: number;
  private halted: SyncAlert['code'] | null = null;
  private alerts: SyncAlert[] = [];

  constructor(opts: SyncEngineOptions) {
    this.opts = opts;
    this.db = opts.db;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.batchSize = Math.min(Math.max(opts.batchSize ?? 100, 1), MAX_OPS_PER_BATCH);
    this.state = createSyncState(this.db);
    this.outbox = createOutbox(this.db);
    this.puller = createPuller(this.db, this.state);
    this.lastProgressAt = this.now();
    const halted = this.state.read('halted') as SyncAlert['code'] | undefined;
    if (halted) {
      // Still halted after a restart, and still saying why.
      this.halted = halted;
      this.alerts.push({
        code: halted,
        at: new Date(this.now()).toISOString(),
        message: ALERT_TEXT[halted],
      });
    }
  }

  // ---------------------------------------------------------------- lifecycle

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
    const checkMs = this.opts.watchdog?.checkMs ?? 30_000;
    this.watchdogTimer = setInterval(() => this.checkWatchdog(), checkMs);
    this.watchdogTimer.unref?.();
  }

  /** Stops timers and waits for a cycle in flight to finish. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdogTimer) clearInterval(this.watchdogTimer);
    this.timer = undefined;
    this.watchdogTimer = undefined;
    await this.running;
  }

  /** New work (a submit): sync soon, unless we are backing off from failures. */
  kick(): void {
    if (!this.started || this.halted) return;
    if (this.running) this.rerun = true;
    else if (this.failures === 0) this.schedule(0);
  }

  /** After an administrator re-enabled the device (or fixed the secret). */
  resume(): void {
    this.halted = null;
    this.state.remove('halted');
    this.alerts = this.alerts.filter((a) => a.code === 'stalled');
    this.failures = 0;
    if (this.started) this.schedule(0);
    this.emitStatus();
  }

  /** One push-and-pull cycle now (tests, and the "sync now" button through kick()). */
  async runOnce(): Promise<CycleOutcome> {
    return this.cycle();
  }

  // ---------------------------------------------------------------- status

  status(): SyncStatus {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const lastSuccess = this.state.read('last_success_at');
    return {
      configured: this.opts.configured ?? true,
      online: this.linkUp,
      halted: this.halted,
      registered: this.state.credentials() !== undefined,
      counts: this.outbox.counts(),
      lastSuccessAt: lastSuccess ? new Date(Number(lastSuccess)).toISOString() : null,
      lastAttemptAt: iso(this.lastAttemptAt),
      lastError: this.lastError,
      consecutiveFailures: this.failures,
      nextAttemptAt: iso(this.nextAttemptAt),
      pullCursor: this.state.pullCursor(),
      alerts: [...this.alerts],
    };
  }

  // ---------------------------------------------------------------- scheduling

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = this.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runScheduled();
    }, delayMs);
  }

  private async runScheduled(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return;
    }
    let outcome = { next: 'idle' } as CycleOutcome;
    this.running = (async () => {
      try {
        outcome = await this.cycle();
      } catch (err) {
        // A bug or a database error: back off rather than spin; the name only, never the message.
        this.lastError = `internal: ${err instanceof Error ? err.name : typeof err}`;
        this.opts.log?.(`sync: cycle failed: ${this.lastError}`);
        this.failures++;
        outcome = {
          next: 'retry',
          delayMs: backoffDelay(this.backoff, this.failures, this.random),
        };
      }
    })();
    await this.running;
    this.running = undefined;
    this.emitStatus();
    if (!this.started) return;
    if (outcome.next === 'retry') this.schedule(outcome.delayMs);
    else if (outcome.next === 'halted') this.nextAttemptAt = null;
    else if (outcome.next === 'more' || this.rerun) this.schedule(0);
    else this.schedule(this.opts.idlePollMs ?? 15_000);
    this.rerun = false;
  }

  // ---------------------------------------------------------------- one cycle

  private async cycle(): Promise<CycleOutcome> {
    if (this.halted) return { next: 'halted' };
    const registered = await this.ensureRegistered();
    if (registered !== true) return registered;

    for (;;) {
      const first = this.outbox.nextBatch(1)[0];
      if (!first) break;
      const size = first.seq <= this.singleStepUntil ? 1 : this.batchSize;
      const batch = size === 1 ? [first] : this.outbox.nextBatch(size);
      const outcome = await this.pushBatch(batch);
      if (outcome) return outcome;
    }

    for (;;) {
      const cursor = this.state.pullCursor();
      const limit = this.opts.pullPageSize ?? 500;
      const res = await this.authed((token) =>
        exchange(
          this.transport(),
          { method: 'GET', path: `/v1/changes?since=${cursor}&limit=${limit}`, token },
          ChangesPageSchema,
        ),
      );
      if (!res.ok) return this.failed(res);
      this.puller.applyPage(res.value, this.opts.hooks?.beforePullCommit);
      this.succeeded();
      if (!res.value.more) break;
    }
    this.failures = 0;
    this.lastProgressAt = this.now();
    return { next: 'idle' };
  }

  /** Sends one batch; undefined to go on with the next one, or how the cycle ends. */
  private async pushBatch(batch: OutboxRow[]): Promise<CycleOutcome | undefined> {
    const credentials = this.state.credentials();
    if (!credentials) return { next: 'more' };
    this.outbox.markAttempt(batch, this.now());
    const ops: Op[] = batch.map((row) => ({
      opId: row.op_id,
      deviceId: credentials.deviceId,
      kind: row.kind as SyncOpKind,
      applicationId: row.application_id,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      payloadHash: row.payload_hash,
    }));
    const res = await this.authed((token) =>
      exchange(
        this.transport(),
        { method: 'POST', path: '/v1/ops', body: { ops }, token },
        PushResponseSchema,
      ),
    );
    if (!res.ok) return this.pushFailed(res, batch);
    const results = res.value.results;
    if (results.length !== batch.length || results.some((r, i) => r.opId !== batch[i]?.op_id)) {
      return this.failed(
        { ok: false, kind: 'unreadable', detail: 'results do not match the batch' },
        batch,
      );
    }
    this.opts.hooks?.afterPushAnswer?.();
    const tally = this.outbox.recordResults(batch, results, this.now());
    if (tally.acked + tally.dead + tally.conflict > 0) this.lastProgressAt = this.now();
    this.succeeded();
    if (tally.dead || tally.conflict) {
      this.opts.log?.(
        `sync: batch of ${batch.length}: ${tally.dead} dead, ${tally.conflict} conflict`,
      );
    }
    return undefined;
  }

  private pushFailed(res: Failure, batch: OutboxRow[]): CycleOutcome | undefined {
    if (res.kind === 'http' && (res.status === 400 || res.status === 422 || res.status === 409)) {
      const only = batch.length === 1 ? batch[0] : undefined;
      if (!only) {
        // Which operation is bad is unknown: go one at a time through this batch.
        this.singleStepUntil = Math.max(...batch.map((r) => r.seq));
        return undefined;
      }
      const detail = [`HTTP ${res.status}`, res.body?.code, res.body?.field]
        .filter(Boolean)
        .join(' ');
      this.outbox.recordVerdict(only, {
        status: res.status === 409 ? 'conflict' : 'rejected',
        detail,
      });
      this.lastProgressAt = this.now();
      this.linkUp = true;
      return undefined;
    }
    if (res.kind === 'http' && res.status === 413 && batch.length > 1) {
      this.batchSize = Math.max(1, Math.floor(batch.length / 2));
      this.linkUp = true;
      return undefined;
    }
    return this.failed(res, batch);
  }

  /** Transient or fatal failure: 403 halts; everything else backs off and retries, forever. */
  private failed(res: Failure, batch: OutboxRow[] = []): CycleOutcome {
    this.lastAttemptAt = this.now();
    this.linkUp = res.kind === 'http' || res.kind === 'truncated' || res.kind === 'unreadable';
    this.lastError = describe(res);
    if (batch.length) this.outbox.noteFailure(batch, this.lastError);
    if (res.kind === 'http' && res.status === 403) return this.halt('forbidden');
    this.failures++;
    const delayMs = backoffDelay(
      this.backoff,
      this.failures,
      this.random,
      res.kind === 'http' ? res.retryAfterMs : undefined,
    );
    return { next: 'retry', delayMs };
  }

  private succeeded(): void {
    const now = this.now();
    this.lastAttemptAt = now;
    this.linkUp = true;
    this.lastError = null;
    this.failures = 0;
    this.state.write('last_success_at', String(now));
  }

  private halt(code: SyncAlert['code']): CycleOutcome {
    this.halted = code;
    this.state.write('halted', code);
    this.raise(code);
    this.opts.log?.(`sync: halted (${code})`);
    return { next: 'halted' };
  }

  // ---------------------------------------------------------------- credentials

  private transport() {
    return {
      baseUrl: this.opts.centralUrl.replace(/\/$/, ''),
      fetch: this.fetchFn,
      timeoutMs: this.opts.requestTimeoutMs ?? 30_000,
      now: this.now,
    };
  }

  private async ensureRegistered(): Promise<true | CycleOutcome> {
    if (this.state.credentials()) return true;
    const res = await this.register();
    if (res === true) return true;
    return res;
  }

  private async register(): Promise<true | CycleOutcome> {
    const installationId = this.state.installationId(this.opts.newInstallationId ?? uuidv7);
    const res = await exchange(
      this.transport(),
      {
        method: 'POST',
        path: '/v1/devices/register',
        body: {
          hallCode: this.opts.hallCode,
          stationCode: this.opts.stationCode,
          installationId,
          registrationSecret: this.opts.registrationSecret,
          ...(this.opts.deviceName ? { deviceName: this.opts.deviceName } : {}),
        },
      },
      DeviceCredentialsSchema,
    );
    if (!res.ok) {
      if (res.kind === 'http' && res.status === 401) return this.halt('registration_refused');
      return this.failed(res);
    }
    this.state.saveCredentials(res.value);
    this.succeeded();
    return true;
  }

  /** Runs a request with the bearer token; on 401 refreshes (or re-registers) and tries once more. */
  private async authed<T>(send: (token: string) => Promise<Exchange<T>>): Promise<Exchange<T>> {
    const creds = this.state.credentials();
    if (!creds) return { ok: false, kind: 'unreadable', detail: 'not registered' };
    const first = await send(creds.token);
    if (first.ok || first.kind !== 'http' || first.status !== 401) return first;
    const refreshed = await exchange(
      this.transport(),
      {
        method: 'POST',
        path: '/v1/devices/token',
        body: { deviceId: creds.deviceId, refreshToken: creds.refreshToken },
      },
      RefreshResponseSchema,
    );
    if (refreshed.ok) {
      this.state.saveToken(refreshed.value.token, refreshed.value.tokenExpiresAt);
    } else if (refreshed.kind === 'http' && refreshed.status === 401) {
      // The refresh token is no longer known: register again (same installation → same device).
      this.state.remove('token');
      const again = await this.register();
      if (again !== true)
        return { ok: false, kind: 'http', status: this.halted === 'forbidden' ? 403 : 401 };
    } else {
      return refreshed;
    }
    const token = this.state.credentials()?.token;
    return token ? send(token) : first;
  }

  // ---------------------------------------------------------------- alerts and watchdog

  private raise(code: SyncAlert['code']): void {
    if (this.alerts.some((a) => a.code === code)) return;
    const alert: SyncAlert = {
      code,
      at: new Date(this.now()).toISOString(),
      message: ALERT_TEXT[code],
    };
    this.alerts.push(alert);
    this.opts.onEvent?.({ type: 'alert', alert });
  }

  /** Pending work that has not moved for stallMs while the central system answers. */
  checkWatchdog(): void {
    const stallMs = this.opts.watchdog?.stallMs ?? 10 * 60_000;
    const counts = this.outbox.counts();
    const movable = counts.pending - counts.blocked;
    if (movable === 0) {
      this.lastProgressAt = this.now();
      this.alerts = this.alerts.filter((a) => a.code !== 'stalled');
      return;
    }
    if (this.now() - this.lastProgressAt < stallMs) {
      this.alerts = this.alerts.filter((a) => a.code !== 'stalled');
    } else if (this.linkUp && !this.halted) {
      this.raise('stalled');
      this.opts.log?.(
        `sync: watchdog: ${movable} operations pending, none acknowledged for ${stallMs} ms`,
      );
    }
  }

  private emitStatus(): void {
    if (this.opts.onEvent) this.opts.onEvent({ type: 'status', status: this.status() });
  }
}
