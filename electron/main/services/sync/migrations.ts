import type { Migration } from '../db';
import { migration002Sync } from '../db/migrations/002_sync';

/** The list with the sync migration in it (a no-op once migrations/index.ts lists it itself). */
export function withSyncMigration(list: readonly Migration[]): readonly Migration[] {
  return list.some((m) => m.version === migration002Sync.version)
    ? list
    : [...list, migration002Sync];
}
