import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Dispatch } from '../../shared/api/dispatcher';
import { createWebApp } from './app';
import type { StationEvents } from './event-stream';

// Only the HTTP side is imported here (hono, the renderer's files): no zod, no services. The
// host listens and serves the page while the services load behind it (main.ts).

/** What the host answers API calls with once its services are open. */
export interface HostServices {
  dispatch: Dispatch;
  /** The running services' events (a station runtime restarts its services on a config change). */
  events: () => StationEvents | null;
  close(): Promise<void>;
}

/** A host that listens before its services are open. */
export interface ListeningHost {
  url: string;
  port: number;
  /** Hands over the opened services: every call that waited for them goes on. */
  provide(services: HostServices): void;
  /** The services could not be opened: waiting and later calls are answered UNAVAILABLE. */
  fail(): void;
  /**
   * When to load the services: at the first API call, once the page and its first scripts have
   * gone out and no file has been asked for in `idleMs`, or `maxMs` after listening, whichever is
   * first.
   * Loading them blocks the host for a while; the page runs its scripts meanwhile.
   */
  pageServed(timing?: { idleMs?: number; maxMs?: number }): Promise<void>;
  /** Stops listening, then closes the services (once they are open, if they are coming). */
  close(): Promise<void>;
}

const NOT_STARTED = {
  ok: false as const,
  error: {
    code: 'UNAVAILABLE' as const,
    message: '服务未能启动，请查看服务台日志',
    messageEn: 'The services could not be started; see the console log',
  },
};

/**
 * Listens on 127.0.0.1 and serves the built renderer at once; an API call that comes before the
 * services are open waits for them (nothing is refused or lost meanwhile).
 */
export async function listenWebHost(options: {
  port?: number;
  rendererDir?: string;
}): Promise<ListeningHost> {
  let provide!: (s: HostServices | null) => void;
  const services = new Promise<HostServices | null>((resolve) => (provide = resolve));
  let open: HostServices | null = null;
  void services.then((s) => (open = s));
  let port = options.port ?? 0;
  const page = pageWatch();
  const app = createWebApp({
    dispatch: async (method, input, context) => {
      const s = open ?? (await services);
      return s ? s.dispatch(method, input, context) : NOT_STARTED;
    },
    events: () => open?.events() ?? null,
    rendererDir: options.rendererDir,
    getPort: () => port,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const fetch: typeof app.fetch = async (request, env, context) => {
      const api = new URL(request.url).pathname.startsWith('/api/');
      page.started(api);
      try {
        return await app.fetch(request, env, context);
      } finally {
        if (!api) page.finished();
      }
    };
    const s = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pageServed: (timing) => page.served(timing),
    provide: (s) => provide(s),
    fail: () => provide(null),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(async () => {
        await (await services)?.close();
      })),
  };
}

/** Watches the page's first requests for `ListeningHost.pageServed`. */
function pageWatch() {
  let inFlight = 0;
  let served = 0;
  let hooks: { api(): void; file(): void; fileDone(): void } | null = null;
  return {
    started(api: boolean) {
      if (!api) inFlight += 1;
      if (api) hooks?.api();
      else hooks?.file();
    },
    finished() {
      inFlight -= 1;
      served += 1;
      hooks?.fileDone();
    },
    served({ idleMs = 50, maxMs = 500 } = {}): Promise<void> {
      return new Promise<void>((resolve) => {
        let idle: ReturnType<typeof setTimeout> | undefined;
        const done = () => {
          clearTimeout(idle);
          clearTimeout(latest);
          hooks = null;
          resolve();
        };
        const latest = setTimeout(done, maxMs);
        const quietSoon = () => {
          clearTimeout(idle);
          // index.html alone is not the page: its scripts are asked for once it has been parsed.
          if (served > 1 && inFlight === 0) idle = setTimeout(done, idleMs);
        };
        hooks = { api: done, file: () => clearTimeout(idle), fileDone: quietSoon };
        quietSoon();
      });
    },
  };
}
