import pino from 'pino';
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
  const out = file
    ? pino(
        {
          base: null,
          messageKey: 'msg',
          timestamp: () => `,"time":"${now().toISOString()}"`,
          formatters: { level: (label) => ({ level: label }) },
        },
        file,
      )
    : undefined;

  function event(name: string, fields: LogFields = {}, level: LogLevel = 'info'): void {
    // A bad name is a programming error, but logging must never throw: it is recorded as such.
    const event = EVENT_NAME.test(name) ? name : 'log.badEventName';
    const safe = redactFields(fields);
    out?.[level]({ event, ...safe });
    if (echo) console.error(echoLine(event, safe));
  }

  return {
    event,
    line: (text) => event('service.line', { text: redactText(text) }),
    dir: opts.dir,
    files: () => file?.files() ?? [],
    close: () => file?.close(),
  };
}
