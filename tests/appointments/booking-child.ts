import { v7 as uuidv7 } from 'uuid';
import { openCentralDb } from '../../central/db';
import { hubCipher } from '../../central/queue/draft-sealing';
import { QueueStore } from '../../central/queue/store';
import { AppointmentRefusal, AppointmentStore } from '../../central/appointments/store';

// One booking station in its own process with its own connection to the hub's file: try to
// book every slot `tries` times (a different phone each time), printing each booking's id.
const [file, hall, station, slotList, tries] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const db = openCentralDb(file);
db.pragma('busy_timeout = 60000');
const cipher = hubCipher(file);
const store = new AppointmentStore(db, new QueueStore(db, { cipher }), { cipher });
const slots = slotList.split(',');
const out: string[] = [];
let full = 0;
process.stderr.write('ready\n');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
for (let i = 0; i < Number(tries); i++) {
  for (const slotId of slots) {
    try {
      const mobile = `139${String(process.pid % 10000).padStart(4, '0')}${String(i).padStart(4, '0')}`;
      out.push(store.book(hall, station, 'counter', { requestId: uuidv7(), slotId, mobile }).id);
    } catch (err) {
      if (!(err instanceof AppointmentRefusal) || err.body.reason !== 'slot_full') throw err;
      full++;
    }
  }
  await new Promise((r) => setTimeout(r, 1));
}
db.close();
process.stderr.write(`refused_full=${full}\n`);
process.stdout.write(out.join('\n') + '\n');
