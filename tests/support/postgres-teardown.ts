import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY_ENV, stopAllListed } from './postgres';

/**
 * Vitest global setup: a registry folder for this run (test workers inherit its path), where
 * every throwaway PostgreSQL server is listed while it runs (postgres.ts). The teardown stops
 * any server still listed, so none outlives the run even when a worker was killed outright.
 * Only this run's servers: other runs on the machine have their own folders.
 */
export default function setup(): () => void {
  const registry = mkdtempSync(join(tmpdir(), 'central-pg-run-'));
  process.env[REGISTRY_ENV] = registry;
  return () => {
    const stopped = stopAllListed(registry);
    if (stopped > 0) console.log(`PostgreSQL test servers left running, stopped: ${stopped}`);
    rmSync(registry, { recursive: true, force: true });
  };
}
