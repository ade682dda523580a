/**
 * A console process for the crash tests: syncs one database until there is nothing left, unless
 * it kills itself with SIGKILL at the chosen moment (no cleanup, no flush: like pulling the plug).
 *   SYNC_DB, CENTRAL_URL, REGISTRATION_SECRET, KILL_MODE = push | pull | none, KILL_AT = nth time that moment comes
 */
import { SyncEngine } from '../engine';
import { openSyncDb } from './seed';

const mode = process.env.KILL_MODE ?? 'none';
const killAt = Number(process.env.KILL_AT ?? '1');
let seen = 0;
const maybeDie = (moment: string) => {
  if (moment !== mode) return;
  seen++;
  if (seen === killAt) process.kill(process.pid, 'SIGKILL');
};

const db = openSyncDb(process.env.SYNC_DB ?? '');
const engine = new SyncEngine({
  db,
  centralUrl: process.env.CENTRAL_URL ?? '',
  hallCode: 'H01',
  stationCode: process.env.STATION ?? 'S1',
  registrationSecret: process.env.REGISTRATION_SECRET ?? '',
  batchSize: 10,
  pullPageSize: 15,
  requestTimeoutMs: 5000,
  backoff: { baseMs: 5, capMs: 20, floorMs: 1 },
  hooks: { afterPushAnswer: () => maybeDie('push'), beforePullCommit: () => maybeDie('pull') },
});

for (let i = 0; i < 1000; i++) {
  const outcome = await engine.runOnce();
  if (outcome.next === 'idle' && engine.status().counts.pending === 0) break;
  if (outcome.next === 'halted') process.exit(3);
  if (outcome.next === 'retry') await new Promise((r) => setTimeout(r, outcome.delayMs));
}
db.close();
process.exit(0);
