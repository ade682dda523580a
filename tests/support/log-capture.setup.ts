import { expect } from 'vitest';
import { useTestLogFile } from './test-log';

// Runs before each test file: its log lines go to a file named after it (test-results/logs/vitest/).
useTestLogFile(expect.getState().testPath);
