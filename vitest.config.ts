import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
