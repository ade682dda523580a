/**
 * The files a page's HTML names for the browser to fetch before it runs (scripts, module
 * preloads, stylesheets), as URL paths: `./assets/index-x.js` → `/assets/index-x.js`. Links to
 * other sites are left out.
 */
export function pageFilesOf(html: string): string[] {
  const files = new Set<string>();
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const [element, name] of html.matchAll(tag)) {
    if (name!.toLowerCase() === 'link' && !/\brel="(?:modulepreload|stylesheet)"/i.test(element)) {
      continue;
    }
    const target = /\b(?:src|href)="([^"]+)"/i.exec(element)?.[1];
    if (!target || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
    files.add('/' + target.replace(/^\.?\/+/, ''));
  }
  return [...files];
}

/** The answer being written (node:http's ServerResponse): 'close' once it is sent or dropped. */
interface SentSignal {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * When the host may load its services, which blocks it for a few hundred milliseconds: once the
 * page has all the files its HTML names (from then on the browser is busy running them, and its
 * first API call waits for the services anyway), at its first API call if that comes sooner (a
 * page served from the browser's cache asks for no file), or once the host has been idle for
 * `idleMs` (no page at all; a request in between starts the wait again, so a slow machine's page
 * is not overtaken halfway through its files).
 */
export function pageWatch(pageFiles: readonly string[]) {
  const waiting = new Set(pageFiles);
  let fetched = false;
  let wake: (() => void) | null = null;
  let inFlight = 0;
  /** When a request last came or an answer was last sent. */
  let lastActivity = performance.now();
  const done = () => {
    fetched = true;
    wake?.();
  };
  return {
    /** A request came: an API call ends the wait; a page file does once it has been sent. */
    request(path: string, response: SentSignal | undefined) {
      if (fetched) return;
      lastActivity = performance.now();
      if (response) {
        inFlight++;
        response.once('close', () => {
          inFlight--;
          lastActivity = performance.now();
        });
      }
      if (path.startsWith('/api/')) return done();
      if (!waiting.has(path)) return;
      const sent = () => {
        waiting.delete(path);
        if (waiting.size === 0) done();
      };
      // 'close' comes once the answer is sent, or when the browser gave up on it.
      if (response) response.once('close', sent);
      else sent();
    },
    pageFetched(idleMs: number): Promise<void> {
      if (fetched) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout>;
        const check = () => {
          const idleFor = performance.now() - lastActivity;
          if (inFlight === 0 && idleFor >= idleMs) return done();
          timer = setTimeout(check, inFlight > 0 ? idleMs / 4 : idleMs - idleFor);
        };
        timer = setTimeout(check, idleMs);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });
    },
  };
}
