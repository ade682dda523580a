import { createRequire } from 'node:module';
import type * as PinoModule from 'pino';
import { createRotatingFile, type RotatingFile } from './rotating-file';
import { redactFields, redactText, type LogFields } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * The one logger the services and hosts use: an event name and a few typed fields, never free
 * text from users; strings are masked on the way in (see redact.ts).
 */
export interface HallLogger {
  event(name: string, fields?: LogFields, level?: LogLevel): void;
  /** Adapter for the services' older `log(line)` option: the line is masked like any field. */
  line(text: string): void;
  /** Where the files are (for diagnostics); undefined = stderr only. */
  readonly dir: string | undefined;
  files(): string[];
  /** Loads the file writer now if it was deferred (`deferWriter`); does nothing otherwise. */
  warm(): void;
  close(): void;
}

export interface HallLoggerOptions {
  /** `<dataDir>/logs`; without it the logger only echoes to stderr. */
  dir?: string;
  /** `hall` (station), `central` or `hub`: the file's base name. */
  baseName?: string;
  /** Rotate at this size (default 5 MB) and every hall day. */
  maxBytes?: number;
  /** Rotated files kept (default 20). */
  maxFiles?: number;
  /** Also print a short line on stderr (development; default true). */
  echo?: boolean;
  now?: () => Date;
  /**
   * Load pino at the first warning or error, `warm()`, `close()` or the process's exit, not at
   * start: info events are kept in order until then (the web host, whose start-up CPU is on the
   * first screen's path; loading pino costs ~40-100 ms of it). Default false: loaded at once.
   */
  deferWriter?: boolean;
}

export const LOG_DEFAULTS = { maxBytes: 5 * 1024 * 1024, maxFiles: 20 } as const;

const EVENT_NAME = /^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)*$/;

const echoLine = (name: string, fields: Record<string, unknown>): string =>
  name === 'service.line'
    ? String(fields.text)
    : [name, ...Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`)].join(' ');

export function createHallLogger(opts: HallLoggerOptions = {}): HallLogger {
  const now = opts.now ?? (() => new Date());
  const file: RotatingFile | undefined = opts.dir
    ? createRotatingFile({
        dir: opts.dir,
        baseName: opts.baseName ?? 'hall',
        maxBytes: opts.maxBytes ?? LOG_DEFAULTS.maxBytes,
        maxFiles: opts.maxFiles ?? LOG_DEFAULTS.maxFiles,
        now,
      })
    : undefined;
  const echo = opts.echo ?? true;
  type Writer = ReturnType<typeof PinoModule.pino>;
  let out: Writer | undefined;
  /** Events written before the writer was loaded (deferWriter), oldest first. */
  const waiting: { level: LogLevel; entry: Record<string, unknown>; at: Date }[] = [];
  /** While kept events are written: the time each happened, for its "time" field. */
  let keptAt: Date | undefined;
  function writer(): Writer | undefined {
    if (out || !file) return out;
    const { pino } = createRequire(import.meta.url)('pino') as typeof PinoModule;
    out = pino(
      {
        base: null,
        messageKey: 'msg',
        timestamp: () => `,"time":"${(keptAt ?? now()).toISOString()}"`,
        formatters: { level: (label) => ({ level: label }) },
      },
      file,
    );
    for (const { level, entry, at } of waiting.splice(0)) {
      keptAt = at;
      out[level](entry);
    }
    keptAt = undefined;
    return out;
  }
  const warm = () => void writer();
  const deferred = file !== undefined && opts.deferWriter === true;
  if (deferred) process.once('exit', warm);
  else warm();

  function event(name: string, fields: LogFields = {}, level: LogLevel = 'info'): void {
    // A bad name is a programming error, but logging must never throw: it is recorded as such.
    const event = EVENT_NAME.test(name) ? name : 'log.badEventName';
    const safe = redactFields(fields);
    if (out || !deferred || level !== 'info') writer()?.[level]({ event, ...safe });
    else waiting.push({ level, entry: { event, ...safe }, at: now() });
    if (echo) console.error(echoLine(event, safe));
  }

  return {
    event,
    line: (text) => event('service.line', { text: redactText(text) }),
    dir: opts.dir,
    // What diagnostics read: the kept events are written first.
    files: () => {
      warm();
      return file?.files() ?? [];
    },
    warm,
    close: () => {
      warm();
      process.off('exit', warm);
      file?.close();
    },
  };
}
