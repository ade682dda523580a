import { ChangesPageSchema } from '../../../../shared/sync/protocol';
import { CentralError, type CentralConnection } from '../central-client';
import type { Puller } from './pull';
import type { CycleOutcome, SyncHealth } from './sync-health';
import type { SyncState } from './sync-state';

export interface PullOptions {
  puller: Puller;
  state: SyncState;
  central: CentralConnection;
  health: SyncHealth;
  pageSize?: number | undefined;
  /** Crash-test seam: runs inside the page's transaction, before it commits. */
  beforePullCommit?: (() => void) | undefined;
}

/** Mirrors the change feed page by page from the stored cursor; undefined when caught up. */
export async function pullChanges(opts: PullOptions): Promise<CycleOutcome | undefined> {
  const { puller, state, central, health } = opts;
  const limit = opts.pageSize ?? 500;
  for (;;) {
    const cursor = state.pullCursor();
    let page;
    try {
      page = await central.session.authed((token) =>
        central.http.request(
          { method: 'GET', path: `/v1/changes?since=${cursor}&limit=${limit}`, token },
          ChangesPageSchema,
        ),
      );
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      return health.failed(err);
    }
    puller.applyPage(page, opts.beforePullCommit);
    health.succeeded();
    if (!page.more) return undefined;
  }
}
