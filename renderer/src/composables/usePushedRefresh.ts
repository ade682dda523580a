import { onScopeDispose } from 'vue';
import type { EventName } from '../../../shared/api/channels';
import { onStreamOpen, subscribe } from '../api/events';

/**
 * Instead of polling: runs `refresh` whenever one of the named events is pushed and each time
 * the event stream (re)opens (what happened while it was down is read once). Refreshes never
 * overlap: events that arrive during one lead to exactly one more afterwards. Stops with the
 * component.
 */
export function usePushedRefresh(names: EventName[], refresh: () => Promise<unknown>): void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = refresh()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const stops = [...names.map((name) => subscribe(name, run)), onStreamOpen(run)];
  onScopeDispose(() => stops.forEach((stop) => stop()));
}
