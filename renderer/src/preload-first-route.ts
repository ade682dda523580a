import type { RouteComponent, Router } from 'vue-router';

type Lazy = () => Promise<RouteComponent>;

/**
 * Starts loading the chunks of the screen the address points at, at once: the router would
 * fetch them only after its guards have the start-up call's answer, one round trip and the
 * App's first render later. The router's own import of the same chunk is then answered from the
 * browser's module map. A screen the role may not reach costs one unused chunk, nothing else.
 */
export function preloadFirstRoute(router: Router, path = location.hash.slice(1) || '/'): void {
  for (const record of router.resolve(path).matched) {
    for (const component of Object.values(record.components ?? {})) {
      // A lazy route component is a function of no arguments; a loaded one is an object.
      if (typeof component === 'function' && component.length === 0) {
        (component as Lazy)().catch(() => undefined); // the router reports a failed load
      }
    }
  }
}
