import { PushResponseSchema, type AuditTail } from '../../../../shared/sync/protocol';
import { CentralError, type CentralConnection } from '../central-client';
import { createBatchSize } from './batch-size';
import type { Outbox, SendingRow } from './outbox';
import { pushBody } from './push-body';
import type { CycleOutcome, SyncHealth } from './sync-health';

export interface PusherOptions {
  outbox: Outbox;
  central: CentralConnection;
  health: SyncHealth;
  now: () => number;
  /** Operations in the first request (1 = one request per operation, always). */
  batchSize?: number | undefined;
  /** How far the batch may grow while answers come back quickly (default: the protocol's max). */
  maxBatchSize?: number | undefined;
  /** A full batch answered within this may grow; twice this shrinks it (default 500 ms). */
  batchTargetMs?: number | undefined;
  log?: ((line: string) => void) | undefined;
  /** Crash-test seam: runs when the answer is in but not yet recorded. */
  afterPushAnswer?: (() => void) | undefined;
  /** The station audit trail's last row, sent with each push so central sees a cut end. */
  auditTail?: (() => AuditTail) | undefined;
}

/**
 * Drains the outbox in batches. 2xx results (including duplicates) are recorded per operation;
 * a 400/422 of a single operation sends it to the dead letters, a 409 marks a conflict; a
 * batch refused as a whole is retried one operation at a time to find the bad one. The batch
 * size adapts (batch-size.ts): it grows while answers are quick, halves on failures and a 413.
 */
export function createPusher(opts: PusherOptions) {
  const { outbox, central, health, now } = opts;
  const batchSize = createBatchSize({
    initial: opts.batchSize,
    max: opts.maxBatchSize,
    targetMs: opts.batchTargetMs,
  });
  /** After a 400 on a batch, operations up to this seq go one at a time to find the bad one. */
  let singleStepUntil = 0;

  /** The next batch, leaving out the operations of the request still on its way. */
  function nextBatch(sending: readonly number[]): SendingRow[] {
    const rows = outbox.nextBatch(batchSize.current(), sending);
    const first = rows[0];
    return first && first.seq <= singleStepUntil ? [first] : rows;
  }

  /**
   * Everything pending; undefined when the outbox is drained, or how the cycle ends. Once a
   * request of this cycle has gone through, two overlap: the next batch is chosen, marked and
   * sent while central works on the previous one (a failing link still sees one request per
   * attempt). Order per application holds because an operation whose earlier operation is
   * still pending (on its way included) is never chosen; different applications may reach
   * central in either order.
   */
  async function pushAll(): Promise<CycleOutcome | undefined> {
    let previous: { done: Promise<CycleOutcome | undefined>; seqs: number[] } | undefined;
    let flowing = false;
    for (;;) {
      // Until one request went through, nothing overlaps; and what is left may wait behind
      // the request on its way.
      const batch = previous && !flowing ? [] : nextBatch(previous?.seqs ?? []);
      if (batch.length === 0) {
        if (!previous) return undefined;
        const outcome = await previous.done;
        previous = undefined;
        if (outcome) return outcome;
        flowing = true;
        continue;
      }
      // The audit-trail tail only on a request nothing else overtakes (central refuses a tail
      // that goes back).
      const done = pushBatch(batch, previous === undefined);
      if (previous) {
        const outcome = await previous.done;
        if (outcome) {
          await done;
          return outcome;
        }
      }
      previous = { done, seqs: batch.map((r) => r.seq) };
    }
  }

  async function pushBatch(
    batch: SendingRow[],
    withTail: boolean,
  ): Promise<CycleOutcome | undefined> {
    const deviceId = central.session.deviceId();
    if (!deviceId) return { next: 'more' };
    outbox.markAttempt(batch);
    const body = pushBody(batch, deviceId, withTail ? opts.auditTail?.() : undefined);
    let answer;
    const sentAt = performance.now();
    try {
      answer = await central.session.authed((token) =>
        central.http.request(
          { method: 'POST', path: '/v1/ops', rawBody: body, token },
          PushResponseSchema,
        ),
      );
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      return pushFailed(err, batch);
    }
    const { results } = answer;
    if (results.length !== batch.length || results.some((r, i) => r.opId !== batch[i]?.op_id)) {
      const detail = 'results do not match the batch';
      return health.failed(new CentralError({ kind: 'unreadable', detail }), batch);
    }
    batchSize.answered(batch.length, performance.now() - sentAt);
    opts.afterPushAnswer?.();
    if (answer.auditTail === 'refused') {
      opts.log?.('sync: central refused the audit-trail tail (it went back or changed)');
    }
    // The answers and the time of this success in one transaction: one fsync per batch.
    const tally = outbox.transaction(() => {
      const t = outbox.recordResults(batch, results, now());
      health.succeeded();
      return t;
    });
    if (tally.acked + tally.dead + tally.conflict > 0) health.progressed();
    if (tally.dead || tally.conflict) {
      opts.log?.(`sync: batch of ${batch.length}: ${tally.dead} dead, ${tally.conflict} conflict`);
    }
    return undefined;
  }

  function pushFailed(err: CentralError, batch: SendingRow[]): CycleOutcome | undefined {
    if (err.kind === 'invalid' || err.kind === 'conflict') {
      const only = batch.length === 1 ? batch[0] : undefined;
      if (!only) {
        // Which operation is bad is unknown: go one at a time through this batch.
        singleStepUntil = Math.max(...batch.map((r) => r.seq));
        outbox.showUnanswered(batch);
        return undefined;
      }
      const detail = [`HTTP ${err.status}`, err.body?.code, err.body?.field]
        .filter(Boolean)
        .join(' ');
      outbox.recordVerdict(only, {
        status: err.kind === 'conflict' ? 'conflict' : 'rejected',
        detail,
      });
      health.progressed();
      health.linkUp = true;
      return undefined;
    }
    if (err.kind === 'too_large' && batch.length > 1) {
      batchSize.tooLarge(batch.length);
      outbox.showUnanswered(batch);
      health.linkUp = true;
      return undefined;
    }
    batchSize.failed();
    return health.failed(err, batch);
  }

  return { pushAll };
}

export type Pusher = ReturnType<typeof createPusher>;
