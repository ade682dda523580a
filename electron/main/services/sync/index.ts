import type { Database } from '../db';
import { createSyncActions, type ApplyCorrection, type SyncActions } from './actions';
import { SyncEngine, type SyncEngineOptions } from './engine';
import { createSyncHandlers, type SyncHandlers } from './handlers';

export {
  SyncEngine,
  type SyncEngineOptions,
  type SyncEvent,
  type SyncStatus,
  type SyncAlert,
} from './engine';
export { createSyncActions, type SyncActions, type ApplyCorrection } from './actions';
export { createSyncHandlers, type SyncHandlers } from './handlers';

export interface SyncService {
  engine: SyncEngine;
  actions: SyncActions;
  handlers: SyncHandlers;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The sync service as the composition root wires it: engine, supervisor/clerk actions and the
 * contract handlers. Call `engine.kick()` after each submit so new work goes out at once.
 */
export function createSyncService(
  opts: SyncEngineOptions & { db: Database; applyCorrection?: ApplyCorrection },
): SyncService {
  const engine = new SyncEngine(opts);
  const actions = createSyncActions({
    db: opts.db,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.applyCorrection ? { applyCorrection: opts.applyCorrection } : {}),
    onQueued: () => engine.kick(),
  });
  return {
    engine,
    actions,
    handlers: createSyncHandlers(engine, actions),
    start: () => engine.start(),
    stop: () => engine.stop(),
  };
}
