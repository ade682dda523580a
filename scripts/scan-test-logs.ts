// The last step of `npm test`: every log line the vitest and Playwright runs wrote under
// test-results/logs/ is scanned for personal data (the canaries of the tests, any valid ID number,
// mobile number or credit code). Prints `leaks=N lines=N files=N`; exits 1 on any leak, naming
// the file and line with the value masked.
import { resolve } from 'node:path';
import { ALL_CANARIES } from '../tests/support/canaries';
import { scanLogDir, summarize } from '../tests/support/leak-scan';
import { TEST_LOG_DIR } from '../tests/support/test-log-dir';

const { lines, ok } = summarize(scanLogDir(resolve(process.argv[2] ?? TEST_LOG_DIR), ALL_CANARIES));
for (const line of lines) console.log(line);
process.exit(ok ? 0 : 1);
