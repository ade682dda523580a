import type { LocalizedText } from '../../../../shared/text';
import type { CentralError } from '../central-client';
import { answered } from '../central-client';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Outbox, OutboxRow } from './outbox';
import type { SyncState } from './sync-state';

export interface SyncAlert {
  code: 'forbidden' | 'registration_refused' | 'stalled';
  at: string;
  message: LocalizedText;
}

/** How a cycle (or a step of one) ends; `undefined` from a step means "go on". */
export type CycleOutcome =
  { next: 'idle' | 'more' | 'halted' } | { next: 'retry'; delayMs: number };

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

export interface SyncHealthOptions {
  state: SyncState;
  outbox: Outbox;
  now: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  log?: ((line: string) => void) | undefined;
  onAlert?: ((alert: SyncAlert) => void) | undefined;
}

/**
 * What the push, pull, scheduler and watchdog share: the link's state, the failure count that
 * drives the backoff, the halt (kept across restarts) and the alerts.
 */
export class SyncHealth {
  failures = 0;
  linkUp = false;
  lastError: string | null = null;
  lastAttemptAt: number | null = null;
  lastProgressAt: number;
  halted: SyncAlert['code'] | null = null;
  alerts: SyncAlert[] = [];

  constructor(private readonly opts: SyncHealthOptions) {
    this.lastProgressAt = opts.now();
    const halted = opts.state.read('halted') as SyncAlert['code'] | undefined;
    if (halted) {
      // Still halted after a restart, and still saying why.
      this.halted = halted;
      this.alerts.push(this.alert(halted));
    }
  }

  /**
   * Transient or fatal failure: a 403 or a refused registration halts; everything else backs
   * off (full jitter, never sooner than Retry-After) and retries, forever.
   */
  failed(err: CentralError, batch: readonly OutboxRow<string | Buffer>[] = []): CycleOutcome {
    this.lastAttemptAt = this.opts.now();
    this.linkUp = answered(err);
    this.lastError = err.describe();
    if (batch.length) this.opts.outbox.noteFailure(batch, this.lastError);
    if (err.kind === 'forbidden') return this.halt('forbidden');
    if (err.kind === 'enrolment_refused') return this.halt('registration_refused');
    return this.retry(err.retryAfterMs);
  }

  /** A bug or a database error: back off rather than spin; the name only, never the message. */
  crashed(err: unknown): CycleOutcome {
    this.lastError = `internal: ${err instanceof Error ? err.name : typeof err}`;
    this.opts.log?.(`sync: cycle failed: ${this.lastError}`);
    return this.retry();
  }

  private retry(retryAfterMs?: number): CycleOutcome {
    this.failures++;
    const { backoff, random } = this.opts;
    return { next: 'retry', delayMs: backoffDelay(backoff, this.failures, random, retryAfterMs) };
  }

  succeeded(): void {
    const now = this.opts.now();
    this.lastAttemptAt = now;
    this.linkUp = true;
    this.lastError = null;
    this.failures = 0;
    this.opts.state.write('last_success_at', String(now));
  }

  /** Operations were acknowledged, rejected or found in conflict: the queue moves. */
  progressed(): void {
    this.lastProgressAt = this.opts.now();
  }

  halt(code: SyncAlert['code']): CycleOutcome {
    this.halted = code;
    this.opts.state.write('halted', code);
    this.raise(code);
    this.opts.log?.(`sync: halted (${code})`);
    return { next: 'halted' };
  }

  /** After an administrator re-enabled the device (or fixed the secret). */
  resume(): void {
    this.halted = null;
    this.opts.state.remove('halted');
    this.alerts = this.alerts.filter((a) => a.code === 'stalled');
    this.failures = 0;
  }

  raise(code: SyncAlert['code']): void {
    if (this.alerts.some((a) => a.code === code)) return;
    const alert = this.alert(code);
    this.alerts.push(alert);
    this.opts.onAlert?.(alert);
  }

  clear(code: SyncAlert['code']): void {
    this.alerts = this.alerts.filter((a) => a.code !== code);
  }

  private alert(code: SyncAlert['code']): SyncAlert {
    return { code, at: new Date(this.opts.now()).toISOString(), message: ALERT_TEXT[code] };
  }
}
