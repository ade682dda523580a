/**
 * Crash-test child: opens the database file given on the command line and submits household
 * applications in a loop, printing each id on its own line only after submit returned (the
 * transaction committed). The parent kills it with SIGKILL at random moments.
 *   node --import tsx tests/crash/child.ts <dbFile> <seed> [eager-checkpoints]
 * `eager-checkpoints`: the WAL worker checkpoints every millisecond or two and the station
 * connection never does, so kills land in the worker's checkpoints (checkpoint-kill.test.ts).
 */
import { CATALOGUE } from '../../shared/catalogue';
import { createServices } from '../../electron/main/services/createServices';
import { warmNamePinyin } from '../../electron/main/services/applications/name-pinyin';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';

const [dbFile, seedArg, mode] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: child.ts <dbFile> <seed>');

const services = createServices({
  // A trusted in-process caller: no sign-in, no role gate.
  auth: { enforce: false },
  dbFile,
  transport: 'ipc',
  // The parent keeps stderr in the test log (captureChild).
  log: (line) => process.stderr.write(`${line}\n`),
  ...(mode === 'eager-checkpoints'
    ? {
        walCheckpoint: { startAfterMs: 0, busyTickMs: 1, batchFrames: 1, backstopPages: 1_000_000 },
      }
    : {}),
});
const type = householdNewType(CATALOGUE);
const random = rng(Number(seedArg ?? 1));
const ctx = { transport: 'ipc' as const, actor: 'crash-test' };

// Writes to a pipe are synchronous on Linux: once write() returns, the parent can read the line.
// Ready as a host is a moment after start: the pinyin dictionary loaded (createServices warms
// it a second after start), so the kills land among submits, not in the first one's load.
warmNamePinyin();
process.stdout.write('ready\n');
for (;;) {
  const input = fakeApplicationInput(type, random, new Date());
  const res = await services.dispatch('applications.submit', input, ctx);
  if (!res.ok) {
    process.stderr.write(`submit failed: ${res.error.code} ${res.error.field ?? ''}\n`);
    process.exit(1);
  }
  process.stdout.write(`${(res.value as { id: string }).id}\n`);
}
