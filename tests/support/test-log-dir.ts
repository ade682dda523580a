import { resolve } from 'node:path';

/** Where every log sink of the test runs ends up, for the leak scan at the end of `npm test`. */
export const TEST_LOG_DIR = resolve(import.meta.dirname, '../../test-results/logs');
