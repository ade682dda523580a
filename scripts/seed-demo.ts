// Demo data for a fresh console: a mix of submitted applications and drafts across the families,
// made through the same dispatcher the UI uses. Run by `npm start` when .data/hall.db is new.
import '../electron/webhost/require-node';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUES } from '../shared/catalogue/versions';
import { createServices } from '../electron/main/services/createServices';
import { fakeApplicationInput, rng } from '../electron/main/services/testing/fixtures';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '.data/hall.db' },
    count: { type: 'string', default: '40' },
  },
});

mkdirSync(dirname(values.db), { recursive: true });
const services = createServices({
  // A trusted in-process caller: no sign-in, no role gate.
  auth: { enforce: false },
  dbFile: values.db,
  transport: 'http',
  log: () => {},
});
const ctx = { transport: 'http' as const, actor: 'demo' };
const DEMO_TYPES = [
  'NEW_LV_RES',
  'NEW_LV_BIZ',
  'INC_LV_RES',
  'INC_LV_BIZ',
  'CHG_RENAME',
  'CHG_TRANSFER',
];
// The version in force today: a form of the next version would be refused before its date.
const catalogue = CATALOGUES.inForce(new Date());
const random = rng(20261123);
let submitted = 0;
let drafts = 0;
let refused = 0;

for (let i = 0; i < Number(values.count); i++) {
  const type = catalogue.types.find((t) => t.code === DEMO_TYPES[i % DEMO_TYPES.length]);
  if (!type) continue;
  const input = fakeApplicationInput(type, random, new Date());
  const asDraft = i % 5 === 4;
  const result = await services.dispatch(
    asDraft ? 'applications.saveDraft' : 'applications.submit',
    input,
    ctx,
  );
  if (!result.ok) refused++;
  else if (asDraft) drafts++;
  else submitted++;
}
await services.close();
console.log(`demo data: submitted=${submitted} drafts=${drafts} refused=${refused}`);
