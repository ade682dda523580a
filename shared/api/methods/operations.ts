import { z } from 'zod';
import { Empty } from './core';

/** A backup file name as listed (never a path): `hall.db.v5.20261130T010000000.auto.bak`. */
export const BackupFileNameSchema = z
  .string()
  .regex(/^[\w.-]+\.v\d+\.\d{8}T\d{9}(?:\.(?:auto|manual))?\.bak$/);

export const BackupEntrySchema = z.object({
  file: BackupFileNameSchema,
  at: z.iso.datetime({ offset: true }),
  schemaVersion: z.number().int(),
  kind: z.enum(['auto', 'manual', 'migration']),
  bytes: z.number().int(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

export const BackupListSchema = z.object({
  backups: z.array(BackupEntrySchema),
  /** A restore waits for the next start of the console (the file it will restore). */
  pendingRestore: z.string().nullable(),
  everyHours: z.number(),
  keepDays: z.number(),
});
export type BackupList = z.infer<typeof BackupListSchema>;

export const DiagnosticsFileSchema = z.object({
  filename: z.string(),
  mimeType: z.literal('application/json'),
  base64: z.string(),
  bytes: z.number().int(),
});

/** Logs, diagnostics and backups for the supervisor and the hall's IT staff (issue 11). */
export const operationsMethods = {
  /** A JSON bundle: last log files, versions, config without secrets, sync and queue counts. */
  'system.diagnostics': { input: Empty, output: DiagnosticsFileSchema },
  'backups.list': { input: Empty, output: BackupListSchema },
  /** A verified backup now. */
  'backups.create': { input: Empty, output: BackupEntrySchema },
  /** Checks the backup now and restores it at the next start of the console. */
  'backups.restore': {
    input: z.object({ file: BackupFileNameSchema }).strict(),
    output: BackupListSchema,
  },
  'backups.cancelRestore': { input: Empty, output: BackupListSchema },
} as const;
