import { onScopeDispose } from 'vue';
import type { EventName } from '../../../shared/api/channels';
import type { EventPayload } from '../../../shared/api/events';
import { onStreamOpen, subscribe } from '../api/events';

/**
 * Instead of polling: runs `refresh` whenever one of the named events is pushed and each time
 * the event stream (re)opens (what happened while it was down is read once). Refreshes never
 * overlap: events that arrive during one lead to exactly one more afterwards. Stops with the
 * component. `apply` may take an event's payload as it is (a pushed board) and say so: then no
 * refresh is needed for it.
 */
export function usePushedRefresh<N extends EventName>(
  names: N[],
  refresh: () => Promise<unknown>,
  apply?: (name: N, payload: EventPayload<N>) => boolean,
): void {
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
  const stops = [
    ...names.map((name) =>
      subscribe(name, (payload) => {
        // A refresh in flight would overwrite what was applied with an older answer: run after it.
        if (apply && !running && apply(name, payload)) return;
        run();
      }),
    ),
    onStreamOpen(run),
  ];
  onScopeDispose(() => stops.forEach((stop) => stop()));
}
