import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from './openDatabase';

/**
 * Checkpoints the station's WAL from a worker thread with its own connection, so no submit pays
 * for one. Left to SQLite, the commit that takes the log past 1,000 pages copies them all into
 * the database file and fsyncs it before it returns: with ~37 pages a submit, one submit in ~27
 * waited several milliseconds for that (the slowest 1 % were mostly those).
 *
 * A PASSIVE checkpoint takes no lock a writer needs: the station's connection commits while the
 * worker copies. Nothing committed can be lost to a kill at any moment: a frame leaves the WAL
 * only after the database file holding it has been fsynced, and SQLite recovers from the WAL on
 * the next open. Once the worker has copied everything, the next commit starts the log over from
 * its beginning, as after SQLite's own checkpoint (and as seldom: every ~1,000 frames). Under
 * commits that never pause the worker seldom catches up before the next one, so the station's own
 * connection keeps an auto-checkpoint at `backstopPages` (and the old 1,000 pages if the worker
 * dies): the log never grows without bound.
 */
export interface WalCheckpointerOptions {
  /** How often the worker looks while the log is moving (ms). */
  busyTickMs?: number;
  /** Frames waiting in the log that start a checkpoint (SQLite's own threshold is 1,000). */
  batchFrames?: number;
  /** How often it looks once nothing was written for `idleMs` (ms). */
  idleTickMs?: number;
  idleMs?: number;
  /**
   * After this long without a write, the log file is cut back to nothing (TRUNCATE). Not sooner:
   * the commit that starts a log over also fsyncs its header, a second fsync for that submit.
   */
  truncateAfterMs?: number;
  /** The station connection's own auto-checkpoint, in pages: reached only if the worker lags. */
  backstopPages?: number;
  /**
   * Delay before the worker starts (ms; 0: at once). Starting it costs a thread, a V8 isolate
   * and a second load of the SQLite driver, CPU the first screen of a cold start would share a
   * core with; until then SQLite checkpoints on commit as before, with nothing written yet.
   */
  startAfterMs?: number;
  log?: (line: string) => void;
}

/** What the worker has done so far. */
export interface WalCheckpointStats {
  /** PASSIVE checkpoints that found frames in the log. */
  passive: number;
  /** TRUNCATE checkpoints that emptied the log while the station was idle. */
  truncate: number;
  /** The most frames the log held at one of the worker's checkpoints. */
  maxLogFrames: number;
}

export interface WalCheckpointer {
  stats(): Promise<WalCheckpointStats>;
  /** Stops the worker and closes its connection (before the station's own closes). */
  stop(): Promise<void>;
}

/** SQLite's own default, put back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;

// Plain CommonJS run by `new Worker(…, { eval: true })`: no file to bundle or resolve at run time.
// Each tick the worker reads the WAL-index header from the -shm file (no lock; SQLite's
// documented layout: the log's last frame at byte 16, the last one copied into the database at
// byte 96, in the machine's byte order): it checkpoints once batchFrames frames wait, as SQLite
// itself would in the commit. Never sooner, even when the station is idle: once all of the log
// is copied, the next commit starts it over and fsyncs its header too, a second fsync for that
// submit; at 1,000 frames that happens as seldom as with SQLite's own checkpoint.
const WORKER_SOURCE = `
const { openSync, readSync } = require('node:fs');
const { endianness } = require('node:os');
const { parentPort, workerData: o } = require('node:worker_threads');
const Database = require(o.driver);
const db = new Database(o.file, { fileMustExist: true });
db.pragma('busy_timeout = 50');
const stats = { passive: 0, truncate: 0, maxLogFrames: 0 };
const header = Buffer.alloc(100);
const le = endianness() === 'LE';
let shm, lastMax = -1, lastWrite = Date.now(), truncated = false, timer, stopped = false;
function frames() {
  try {
    shm ??= openSync(o.file + '-shm', 'r');
    if (readSync(shm, header, 0, 100, 0) < 100) return [0, 0];
  } catch {
    return [0, 0];
  }
  return le ? [header.readUInt32LE(16), header.readUInt32LE(96)]
            : [header.readUInt32BE(16), header.readUInt32BE(96)];
}
function checkpoint(mode) {
  const r = db.pragma('wal_checkpoint(' + mode + ')')[0];
  if (r.log > stats.maxLogFrames) stats.maxLogFrames = r.log;
  return r;
}
function tick() {
  const t = Date.now();
  const [max, backfilled] = frames();
  if (max !== lastMax) {
    lastMax = max;
    lastWrite = t;
    truncated = false;
  }
  const waiting = max - backfilled;
  if (waiting >= o.batchFrames) {
    if (checkpoint('PASSIVE').checkpointed > 0) stats.passive += 1;
  } else if (!truncated && max > 0 && t - lastWrite >= o.truncateAfterMs) {
    if (checkpoint('TRUNCATE').busy === 0) {
      truncated = true;
      stats.truncate += 1;
    }
  }
  if (!stopped) timer = setTimeout(tick, t - lastWrite < o.idleMs ? o.busyTickMs : o.idleTickMs);
}
parentPort.on('message', (m) => {
  if (m === 'stats') parentPort.postMessage({ stats });
  else if (m === 'stop') {
    stopped = true;
    clearTimeout(timer);
    db.close();
    parentPort.close();
  }
});
tick();
`;

/** Starts checkpointing `db`'s file (a file on disk in WAL mode) from a worker thread. */
export function startWalCheckpointer(
  db: Database,
  opts: WalCheckpointerOptions = {},
): WalCheckpointer {
  const log = opts.log ?? (() => undefined);
  db.pragma(`wal_autocheckpoint = ${opts.backstopPages ?? 10_000}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      busyTickMs: opts.busyTickMs ?? 20,
      batchFrames: opts.batchFrames ?? 1000,
      idleTickMs: opts.idleTickMs ?? 1000,
      idleMs: opts.idleMs ?? 2000,
      truncateAfterMs: opts.truncateAfterMs ?? 600_000,
    },
  });
  // A station left running without close() must still be able to exit.
  worker.unref();
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  let alive = true;
  const fallBack = () => {
    alive = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
  };
  worker.on('error', (err) => {
    log(`wal checkpointer: stopped (${err.message}); SQLite checkpoints on commit again`);
    fallBack();
  });
  worker.once('exit', fallBack);
  const stats = () =>
    new Promise<WalCheckpointStats>((done, fail) => {
      if (!alive) return fail(new Error('wal checkpointer is not running'));
      const onExit = () => fail(new Error('wal checkpointer stopped'));
      const onMessage = (m: { stats?: WalCheckpointStats }) => {
        if (!m.stats) return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        done(m.stats);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage('stats');
    });
  return {
    stats,
    async stop() {
      // Held by the caller's await until the worker has closed its connection.
      worker.ref();
      if (alive) worker.postMessage('stop');
      await exited;
    },
  };
}

/** The checkpointer, started after `opts.startAfterMs` (a stop before then starts nothing). */
export function startWalCheckpointerLater(
  db: Database,
  opts: WalCheckpointerOptions = {},
): WalCheckpointer {
  const delay = opts.startAfterMs ?? 0;
  if (delay <= 0) return startWalCheckpointer(db, opts);
  let started: WalCheckpointer | undefined;
  let stopped = false;
  const timer = setTimeout(() => {
    if (!stopped && db.open) started = startWalCheckpointer(db, opts);
  }, delay);
  timer.unref();
  return {
    stats: () => started?.stats() ?? Promise.resolve({ passive: 0, truncate: 0, maxLogFrames: 0 }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await started?.stop();
    },
  };
}
