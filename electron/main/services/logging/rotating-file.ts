import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { hallDate } from '../../../../shared/hall-time';

export interface RotatingFileOptions {
  dir: string;
  /** `hall` writes `hall.log`, rotated files are `hall.<YYYY-MM-DD>.<n>.log`. */
  baseName: string;
  /** Rotate before a write would take the current file past this size. */
  maxBytes: number;
  /** Rotated files kept (the oldest beyond this are deleted). */
  maxFiles: number;
  now?: () => Date;
}

export interface RotatingFile {
  /** Appends one chunk (pino hands over whole lines). */
  write(chunk: string): boolean;
  /** The current file first, then rotated files newest first. */
  files(): string[];
  close(): void;
}

const ROTATED = (base: string) => new RegExp(`^${base}\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log$`);

/**
 * A log file that rotates by size and by hall day (a new file each morning), written with
 * synchronous appends so nothing is lost when the process ends abruptly. Small on purpose: the
 * console writes a few lines a minute.
 */
export function createRotatingFile(opts: RotatingFileOptions): RotatingFile {
  const now = opts.now ?? (() => new Date());
  const current = join(opts.dir, `${opts.baseName}.log`);
  const pattern = ROTATED(opts.baseName);
  mkdirSync(opts.dir, { recursive: true });

  let fd = openSync(current, 'a');
  let size = fstatSync(fd).size;
  let day = size > 0 ? hallDate(fstatSync(fd).mtime) : hallDate(now());

  const rotated = (): { name: string; day: string; n: number }[] =>
    readdirSync(opts.dir)
      .flatMap((name) => {
        const m = pattern.exec(name);
        return m ? [{ name, day: m[1] as string, n: Number(m[2]) }] : [];
      })
      .sort((a, b) => (a.day === b.day ? b.n - a.n : a.day < b.day ? 1 : -1));

  function rotate(): void {
    closeSync(fd);
    const n =
      1 +
      Math.max(
        0,
        ...rotated()
          .filter((r) => r.day === day)
          .map((r) => r.n),
      );
    renameSync(current, join(opts.dir, `${opts.baseName}.${day}.${n}.log`));
    for (const old of rotated().slice(opts.maxFiles))
      rmSync(join(opts.dir, old.name), { force: true });
    fd = openSync(current, 'a');
    size = 0;
  }

  return {
    write(chunk: string): boolean {
      const bytes = Buffer.byteLength(chunk);
      const today = hallDate(now());
      if (size > 0 && (size + bytes > opts.maxBytes || today !== day)) rotate();
      day = today;
      writeSync(fd, chunk);
      size += bytes;
      return true;
    },
    files: () => [current, ...rotated().map((r) => join(opts.dir, r.name))],
    close: () => closeSync(fd),
  };
}
