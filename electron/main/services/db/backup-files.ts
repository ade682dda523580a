import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A backup file as the supervisor's screen and the schedule see it. */
export interface BackupFile {
  /** The file name inside the backup directory (never a path: the screen sends it back). */
  file: string;
  path: string;
  at: Date;
  schemaVersion: number;
  /** auto: scheduled; manual: a supervisor's "back up now"; migration: before a schema upgrade. */
  kind: 'auto' | 'manual' | 'migration';
  bytes: number;
}

// `<db name>.v<version>.<yyyymmddThhmmssSSS>[.auto|.manual].bak`, as backup.ts writes them.
const NAME =
  /^(.+)\.v(\d+)\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})(?:\.(auto|manual))?\.bak$/;

export function parseBackupName(file: string): Omit<BackupFile, 'path' | 'bytes'> | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, , version, y, mo, d, h, mi, s, ms, label] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(at.getTime())) return null;
  return {
    file,
    at,
    schemaVersion: Number(version),
    kind: label === 'auto' || label === 'manual' ? label : 'migration',
  };
}

/** The backups of the database named `dbName` in `dir`, newest first. */
export function listBackups(dir: string, dbName: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(`${dbName}.v`))
    .flatMap((file) => {
      const parsed = parseBackupName(file);
      if (!parsed) return [];
      const path = join(dir, file);
      return [{ ...parsed, path, bytes: statSync(path).size }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Deletes backups older than `keepDays`, always keeping the newest one. Returns the names removed. */
export function pruneBackups(dir: string, dbName: string, keepDays: number, now: Date): string[] {
  const cutoff = now.getTime() - keepDays * 24 * 3600_000;
  const [, ...older] = listBackups(dir, dbName);
  const removed = older.filter((b) => b.at.getTime() < cutoff);
  for (const b of removed) rmSync(b.path, { force: true });
  return removed.map((b) => b.file);
}
