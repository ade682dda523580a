import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
// Same folder as tests/support/test-log-dir.ts (a config file imports nothing of the tests).
const TEST_LOG_DIR = 'test-results/logs';

/** Console output of every test worker is also kept for the leak scan at the end of `npm test`. */
function keepConsoleLine(log: string, type: 'stdout' | 'stderr', file: string | undefined): void {
  mkdirSync(join(TEST_LOG_DIR, 'vitest'), { recursive: true });
  const prefix = `[${type}${file ? ` ${file}` : ''}] `;
  const lines = log.split('\n').filter((l) => l !== '');
  appendFileSync(
    join(TEST_LOG_DIR, 'vitest', 'console.log'),
    lines.map((l) => prefix + l + '\n').join(''),
  );
}

export default defineConfig({
  plugins: [vue()],
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'central/**/*.test.ts',
      'server-common/**/*.test.ts',
      'renderer/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    setupFiles: ['tests/support/log-capture.setup.ts'],
    // Stops any throwaway PostgreSQL server a test left running (tests/support/postgres.ts).
    globalSetup: ['tests/support/postgres-teardown.ts'],
    onConsoleLog: (log, type, entity) => {
      const file = entity && 'moduleId' in entity ? entity.moduleId : entity?.module.moduleId;
      keepConsoleLine(log, type, file);
    },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
