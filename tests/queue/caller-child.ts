import { v7 as uuidv7 } from 'uuid';
import { QueueStore } from '../../central/queue/store';
import { openCentralStore } from '../../central/store/open';

// One counter in its own process with its own connection: call next and finish until the
// line is empty, printing the id of every ticket it was handed. The store is a SQLite file or a
// PostgreSQL URL.
const [dbFile, hall, counter] = process.argv.slice(2) as [string, string, string];
// The parent migrated the database: this only opens it (SQLite: WAL, synchronous FULL, and a
// long wait for the write lock).
const opened = await openCentralStore({ dbFile, poolSize: 2 });
opened.db?.pragma('busy_timeout = 60000');
const store = new QueueStore(opened.store, {});
const services = ['NEW', 'CHANGE', 'GENERAL'];
const out: string[] = [];
// Start together: say ready, then wait for the parent's go, so the five really contend.
process.stderr.write('ready\n');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
for (;;) {
  const { ticket } = await store.callNext(hall, counter, { requestId: uuidv7(), services });
  if (!ticket) break;
  out.push(ticket.id);
  await store.finish(hall, counter, { ticketId: ticket.id, servicesDone: [], applicationIds: [] });
  // A real counter pauses between customers. Without a pause, one process in a tight loop can
  // hold the lock across SQLite's (unfair) busy handler for the whole run, and nothing contends.
  await new Promise((r) => setTimeout(r, 1));
}
await opened.store.close();
process.stdout.write(out.join('\n') + '\n');
