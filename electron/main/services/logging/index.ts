export { createHallLogger, LOG_DEFAULTS, type HallLogger, type HallLoggerOptions } from './logger';
export { redactText, redactFields, type LogFields, type LogValue } from './redact';
export { createRotatingFile, type RotatingFile } from './rotating-file';
