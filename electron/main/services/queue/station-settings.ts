import type { z } from 'zod';
import { prepared, type Database } from '../db';

/** Typed access to station_settings: one JSON value per key, checked on the way out. */
export function createStationSettings(db: Database) {
  const get = prepared<[string], { value: string }>(
    db,
    'SELECT value FROM station_settings WHERE key = ?',
  );
  const put = prepared<[string, string]>(
    db,
    `INSERT INTO station_settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const del = prepared<[string]>(db, 'DELETE FROM station_settings WHERE key = ?');
  return {
    /** The stored value if it still matches the schema, else the fallback. */
    read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
      const row = get.get(key);
      if (!row) return fallback;
      try {
        const parsed = schema.safeParse(JSON.parse(row.value));
        return parsed.success ? parsed.data : fallback;
      } catch {
        return fallback;
      }
    },
    write(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value));
    },
    remove(key: string): void {
      del.run(key);
    },
  };
}

/** One raw value of any station database (also a backup file being inspected for a restore). */
export function readStationSetting(db: Database, key: string): string | null {
  return (
    prepared<[string], { value: string }>(
      db,
      'SELECT value FROM station_settings WHERE key = ?',
    ).get(key)?.value ?? null
  );
}

export type StationSettings = ReturnType<typeof createStationSettings>;
