import { MAX_OPS_PER_BATCH } from '../../../../shared/sync/protocol';

export interface BatchSizeOptions {
  /** Where it starts (1 = one request per operation, and it stays there). */
  initial?: number | undefined;
  /** Upper bound (the protocol's MAX_OPS_PER_BATCH at most). */
  max?: number | undefined;
  /** A full batch answered faster than this may double; one slower than twice this halves. */
  targetMs?: number | undefined;
}

/**
 * How many operations go in the next push: grows (doubling) while full batches come back within
 * the target time, halves on slow answers and failed requests, and after a 413 never again goes
 * above half of the refused size. A fixed size of 1 (one request per operation) never moves.
 */
export function createBatchSize(opts: BatchSizeOptions = {}) {
  const initial = Math.min(Math.max(opts.initial ?? 100, 1), MAX_OPS_PER_BATCH);
  const fixed = initial === 1;
  let ceiling = Math.min(Math.max(opts.max ?? MAX_OPS_PER_BATCH, initial), MAX_OPS_PER_BATCH);
  const targetMs = opts.targetMs ?? 500;
  let size = initial;
  const halve = (from: number) => Math.max(1, Math.floor(from / 2));

  return {
    current: (): number => size,
    /** A batch of `sent` operations was answered after `elapsedMs`. */
    answered(sent: number, elapsedMs: number): void {
      if (fixed) return;
      if (elapsedMs > 2 * targetMs) size = halve(size);
      else if (sent >= size && elapsedMs < targetMs) size = Math.min(ceiling, size * 2);
    },
    /** The request failed (network, timeout, 5xx, 429): smaller batches until it works again. */
    failed(): void {
      if (!fixed) size = halve(size);
    },
    /** 413: the body was too large; this size (and anything above) is not tried again. */
    tooLarge(sent: number): void {
      size = halve(sent);
      ceiling = Math.min(ceiling, size);
    },
  };
}

export type BatchSize = ReturnType<typeof createBatchSize>;
