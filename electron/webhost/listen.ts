import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Dispatch } from '../../shared/api/dispatcher';
import { createWebApp } from './app';
import type { StationEvents } from './event-stream';
import { pageFilesOf, pageWatch } from './page-watch';

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
   * When to load the services: once the page has been sent every file its HTML names (the
   * browser then compiles and runs them, a few hundred milliseconds in which the services load
   * on the other core), at its first API call if sooner, or once no request has come for
   * `idleMs` (no page is being loaded).
   * Loading them blocks the host for a while; until then the page's files go out at once.
   */
  pageFetched(idleMs?: number): Promise<void>;
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
  const page = pageWatch(options.rendererDir ? pageFilesIn(options.rendererDir) : []);
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
    const fetch = async (request: Request, env: HttpBindings | Http2Bindings) => {
      page.request(new URL(request.url).pathname, env?.outgoing);
      return app.fetch(request, env);
    };
    const s = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
    (s as Server).once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pageFetched: (idleMs = 1000) => page.pageFetched(idleMs),
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

/** The files the built page's index.html names; none when there is no index.html. */
function pageFilesIn(rendererDir: string): string[] {
  try {
    return pageFilesOf(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
  } catch {
    return [];
  }
}
