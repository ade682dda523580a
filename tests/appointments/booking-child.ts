import { v7 as uuidv7 } from 'uuid';
import { hubCipher } from '../../central/queue/draft-sealing';
import { openCentralStore } from '../../central/store/open';
import { AppointmentRefusal, AppointmentStore } from '../../central/appointments/store';

// One booking station in its own process with its own connection to the hub's store (a SQLite
// file or a PostgreSQL URL): try to book every slot `tries` times (a different phone each
// time), printing each booking's id, with the hub keys of `keyFile`.
const [dbFile, keyFile, hall, station, slotList, tries] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
// The parent migrated the database: this only opens it (SQLite: a long wait for the write lock).
const opened = await openCentralStore({ dbFile, poolSize: 2 });
opened.db?.pragma('busy_timeout = 60000');
const cipher = hubCipher(dbFile, keyFile);
const store = new AppointmentStore(opened.store, { cipher });
const slots = slotList.split(',');
const out: string[] = [];
let full = 0;
process.stderr.write('ready\n');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
for (let i = 0; i < Number(tries); i++) {
  for (const slotId of slots) {
    try {
      const mobile = `139${String(process.pid % 10000).padStart(4, '0')}${String(i).padStart(4, '0')}`;
      const booking = await store.book(hall, station, 'counter', {
        requestId: uuidv7(),
        slotId,
        mobile,
      });
      out.push(booking.id);
    } catch (err) {
      if (!(err instanceof AppointmentRefusal) || err.body.reason !== 'slot_full') throw err;
      full++;
    }
  }
  await new Promise((r) => setTimeout(r, 1));
}
await opened.store.close();
process.stderr.write(`refused_full=${full}\n`);
process.stdout.write(out.join('\n') + '\n');
