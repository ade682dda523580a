// A stand-in for the desk's 身份证阅读器 service (docs/id-reader.md) for the demo: `npm start`
// runs it on a free port on 127.0.0.1 and hands its address to the console as
// HALL_ID_READER_URL, so 读卡 fills the form with a made-up card.
//   node out/tools/fake-id-reader.js [--port 0] [--mode card|noCard|noDevice|garbage|badId|slow]
import { parseArgs } from 'node:util';
import {
  startFakeIdReader,
  type FakeReaderMode,
} from '../electron/main/services/id-reader/fake-reader';

const MODES: FakeReaderMode[] = ['card', 'noCard', 'noDevice', 'garbage', 'badId', 'slow'];
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    mode: { type: 'string', default: 'card' },
  },
});
const mode = MODES.find((m) => m === values.mode);
if (!mode) {
  console.error(`--mode must be one of ${MODES.join(', ')}`);
  process.exit(2);
}
const reader = await startFakeIdReader({ port: Number(values.port), mode });
console.log(`fake ID card reader: ${reader.url}`);
const stop = () => void reader.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
