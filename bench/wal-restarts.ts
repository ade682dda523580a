import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The WAL header's checkpoint sequence number (bytes 12–15, big-endian): SQLite adds one each
 * time a writer starts the log over after a checkpoint copied all of it into the database. Read
 * after each commit, a change says the commit before it ran (or followed) a complete checkpoint.
 * 0 while there is no WAL file yet, and once closed.
 */
export function walRestartReader(file: string): { read(): number; close(): void } {
  let fd: number | undefined;
  let closed = false;
  const header = Buffer.alloc(16);
  return {
    read() {
      if (closed) return 0;
      try {
        fd ??= openSync(`${file}-wal`, 'r');
      } catch {
        return 0;
      }
      return readSync(fd, header, 0, 16, 0) < 16 ? 0 : header.readUInt32BE(12);
    },
    close() {
      closed = true;
      if (fd !== undefined) closeSync(fd);
    },
  };
}
