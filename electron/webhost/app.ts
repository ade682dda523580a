import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Dispatch } from '../../shared/api/dispatcher';
import type { ApiErrorBody } from '../../shared/api/errors';
import { HTTP_STATUS } from './http-status';
import { SESSION_HEADER } from '../../shared/auth/session-transport';

/** Same policy as renderer/index.html, also sent as a header for every static answer. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_BODY_BYTES = 1_000_000;

export interface WebAppOptions {
  dispatch: Dispatch;
  /** Built renderer (out/renderer); absent in API-only tests. */
  rendererDir?: string;
  /** The port the host listens on, for the Host/Origin checks. */
  getPort: () => number;
}

const fail = (error: ApiErrorBody) => ({ ok: false as const, error });

/**
 * The web host: the same dispatcher as the IPC binding behind `POST /api/<method>`, plus the
 * built renderer. Only loopback names are accepted in Host (DNS rebinding) and Origin (other sites
 * in the same browser), so nothing but this console's own pages can call the API.
 */
export function createWebApp(options: WebAppOptions): Hono {
  const app = new Hono();
  const allowedHosts = () => {
    const port = options.getPort();
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  };

  app.use('*', async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!allowedHosts().has(host)) {
      return c.json(
        fail({ code: 'FORBIDDEN', message: '仅允许本机访问', messageEn: 'Loopback access only' }),
        403,
      );
    }
    const origin = c.req.header('origin');
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return c.json(
        fail({ code: 'FORBIDDEN', message: '来源不被允许', messageEn: 'Origin not allowed' }),
        403,
      );
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.post('/api/:method', async (c) => {
    const method = c.req.param('method');
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/json')) {
      return c.json(
        fail({
          code: 'INVALID_INPUT',
          message: '请求须为 JSON',
          messageEn: 'Request body must be JSON',
        }),
        400,
      );
    }
    const text = await c.req.text();
    if (text.length > MAX_BODY_BYTES) {
      return c.json(
        fail({ code: 'INVALID_INPUT', message: '请求过大', messageEn: 'Request too large' }),
        400,
      );
    }
    let input: unknown;
    try {
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      return c.json(
        fail({
          code: 'INVALID_INPUT',
          message: '请求不是有效的 JSON',
          messageEn: 'Malformed JSON body',
        }),
        400,
      );
    }
    // The session travels in a header, never in the method input; the dispatcher resolves it.
    const session = c.req.header(SESSION_HEADER);
    const result = await options.dispatch(method, input, {
      transport: 'http',
      actor: 'web',
      ...(session ? { session } : {}),
    });
    if (result.ok) return c.json(result, 200);
    return c.json(result, HTTP_STATUS[result.error.code]);
  });

  app.all('/api/*', (c) =>
    c.json(fail({ code: 'UNKNOWN_METHOD', message: '请使用 POST', messageEn: 'Use POST' }), 405),
  );

  if (options.rendererDir) {
    const root = options.rendererDir;
    app.use('*', async (c, next) => {
      await next();
      c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    });
    app.use('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
