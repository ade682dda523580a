import { z } from 'zod';
import {
  ConflictSchema,
  DeadLetterSchema,
  DiscardDeadLetterInputSchema,
  ResendDeadLetterInputSchema,
  ResolveConflictInputSchema,
  SyncStatusSchema,
} from '../../sync/sync-api';
import { Empty } from './core';

/** Sync health, dead letters (supervisor) and conflicts (clerk): issue "sync". */
export const syncMethods = {
  'sync.status': { input: Empty, output: SyncStatusSchema },
  'sync.deadLetters': { input: Empty, output: z.array(DeadLetterSchema) },
  'sync.conflicts': { input: Empty, output: z.array(ConflictSchema) },
  'sync.resendDeadLetter': { input: ResendDeadLetterInputSchema, output: SyncStatusSchema },
  'sync.discardDeadLetter': { input: DiscardDeadLetterInputSchema, output: SyncStatusSchema },
  'sync.resolveConflict': { input: ResolveConflictInputSchema, output: SyncStatusSchema },
  /** Skip an idle wait (never a backoff wait). */
  'sync.now': { input: Empty, output: SyncStatusSchema },
  /** After a 403 stop, once the device is re-enabled centrally. */
  'sync.resume': { input: Empty, output: SyncStatusSchema },
} as const;
