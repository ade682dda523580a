import type { QueueChangeKind } from '../../../../shared/api/events';
import type { Board } from '../../../../shared/queue/schemas';
import type { SessionsEnded } from '../auth/sessions';
import type { SyncEvent } from '../sync';
import type { EventBus } from './bus';

/**
 * Where the services' news comes from, turned into events on the bus: the sync engine's status
 * (only when it changed), the hall's board (the hub's watch), and sessions ended on purpose.
 */
export function wireEventSources(
  bus: EventBus,
  auth: { onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void },
) {
  let lastSync = '';
  const stopSessions = auth.onSessionsEnded(({ reason, ...target }) => {
    bus.publish('session.ended', { reason }, target);
  });
  return {
    onSyncEvent(event: SyncEvent): void {
      if (event.type !== 'status') return void bus.publish('sync.changed', {});
      // The engine reports after every run; the screens hear only of a different status.
      const text = JSON.stringify(event.status);
      if (text === lastSync) return;
      lastSync = text;
      bus.publish('sync.changed', {});
    },
    onBoardChange(kind: QueueChangeKind, version: number | null, board: Board | null): void {
      bus.publish('queue.changed', { kind, version, board });
    },
    stop: stopSessions,
  };
}
