import type { CallContext } from '../../../../shared/api/dispatcher';
import type {
  ConflictView,
  DeadLetter,
  DiscardDeadLetterInput,
  ResendDeadLetterInput,
  ResolveConflictInput,
  SyncStatusView,
} from '../../../../shared/sync/sync-api';
import type { SyncActions } from './actions';
import type { SyncEngine } from './engine';

/**
 * Handlers for the sync methods of the API contract (names and schemas in the report; the
 * schemas are in shared/sync/sync-api.ts). Role checks (supervisor for dead letters) belong to
 * the caller's binding, which knows who is signed in.
 */
export function createSyncHandlers(engine: SyncEngine, actions: SyncActions) {
  const status = (): SyncStatusView => engine.statusView();
  return {
    'sync.status': (_input: object, _ctx: CallContext): SyncStatusView => status(),
    'sync.deadLetters': (_input: object, _ctx: CallContext): DeadLetter[] => actions.deadLetters(),
    'sync.conflicts': (_input: object, _ctx: CallContext): ConflictView[] => actions.conflicts(),
    'sync.resendDeadLetter': (input: ResendDeadLetterInput, ctx: CallContext): SyncStatusView => {
      actions.resendDeadLetter(input, ctx.actor);
      return status();
    },
    'sync.discardDeadLetter': (input: DiscardDeadLetterInput, ctx: CallContext): SyncStatusView => {
      actions.discardDeadLetter(input, ctx.actor);
      return status();
    },
    'sync.resolveConflict': (input: ResolveConflictInput, ctx: CallContext): SyncStatusView => {
      actions.resolveConflict(input, ctx.actor);
      return status();
    },
    /** "Sync now": skips an idle wait (not a backoff wait: that protects the central system). */
    'sync.now': (_input: object, _ctx: CallContext): SyncStatusView => {
      engine.kick();
      return status();
    },
    /** Supervisor, after the device was re-enabled centrally (403) or the secret fixed. */
    'sync.resume': (_input: object, _ctx: CallContext): SyncStatusView => {
      engine.resume();
      return status();
    },
  };
}

export type SyncHandlers = ReturnType<typeof createSyncHandlers>;
