import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What a database file looks like on disk: the file itself (device, inode, size, times) and its
 * write-ahead log's content. A rename over the file, a write to it or to its log, or a restore
 * changes it. An empty log counts as none: opening a file read-only leaves an empty `-wal`.
 */
export function fileStamp(file: string): string | null {
  try {
    const db = statSync(file, { bigint: true });
    let wal = 'no-log';
    try {
      const log = statSync(`${file}-wal`, { bigint: true });
      if (log.size > 0n) wal = `${log.ino}:${log.size}:${log.mtimeNs}:${log.ctimeNs}`;
    } catch {
      // no log: nothing waits to be replayed
    }
    return `${db.dev}:${db.ino}:${db.size}:${db.mtimeNs}:${db.ctimeNs}|${wal}`;
  } catch {
    return null;
  }
}

const checked = new Map<string, string>();

/**
 * Records that `quick_check` passed on `file` while it looked like `stamp` (taken before the
 * check began and found unchanged after it). The next open of that file skips its own check
 * only if the file still looks the same then (`takeChecked`).
 */
export function rememberChecked(file: string, stamp: string): void {
  checked.set(resolve(file), stamp);
}

/**
 * True, once, when `file` passed a check recorded by `rememberChecked` and has not changed
 * since; otherwise the caller checks it itself.
 */
export function takeChecked(file: string): boolean {
  const key = resolve(file);
  const stamp = checked.get(key);
  checked.delete(key);
  return stamp !== undefined && stamp === fileStamp(key);
}
