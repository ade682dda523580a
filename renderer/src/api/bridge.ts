import type { ApiResult } from '../../../shared/api/errors';
import { BRIDGE_KEY, type StreamState } from '../../../shared/api/channels';

/** The one narrow object the Electron preload exposes; absent in a plain browser. */
export interface HallBridge {
  /** `session` is the staff session token; the main process resolves it, never the input. */
  invoke(method: string, input: unknown, session?: string): Promise<ApiResult<unknown>>;
  /** Opens this window's event stream with a ticket from `events.ticket`. */
  openEvents?(ticket: string): void;
  /** Listens to one event of the table (any other name throws); returns the unsubscribe. */
  subscribe?(name: string, listener: (payload: unknown) => void): () => void;
  onStreamState?(listener: (state: StreamState) => void): () => void;
}

export function findBridge(): HallBridge | undefined {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_KEY] as
    Partial<HallBridge> | undefined;
  return candidate && typeof candidate.invoke === 'function'
    ? (candidate as HallBridge)
    : undefined;
}
