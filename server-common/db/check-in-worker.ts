import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileStamp, rememberChecked } from './checked-files';

// The worker's script (CommonJS, `eval`): the file is opened read-only, so the check writes
// nothing to it, damaged or not; any failure is simply no verdict.
const CHECK_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
let ok = false;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    ok = db.pragma('quick_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
} catch {}
parentPort.postMessage(ok);
`;

/**
 * Runs `PRAGMA quick_check` on an existing database file on another thread, so that a process
 * can check its file while it loads its code. When the check passes and the file did not change
 * meanwhile, the next `openMigratedDatabase` of that file skips its own check; in every other
 * case (no file, a damaged one, no worker) it checks as always, with the same refusal. Settles
 * once the worker has closed the file; never rejects.
 */
export function checkInWorker(file: string): Promise<void> {
  const path = resolve(file);
  const before = fileStamp(path);
  if (before === null) return Promise.resolve();
  return new Promise((done) => {
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(CHECK_SCRIPT, { eval: true, workerData: { file: path, driver } });
    } catch {
      done();
      return;
    }
    worker.once('message', (ok: unknown) => {
      if (ok === true && fileStamp(path) === before) rememberChecked(path, before);
    });
    worker.once('error', () => done());
    worker.once('exit', () => done());
  });
}
