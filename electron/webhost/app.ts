import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonTooDeep, TOO_DEEP_TEXT } from '../../server-common/http/json-depth';
import type { Dispatch } from '../../shared/api/dispatcher';
import { ERROR_HTTP_STATUS } from '../../shared/api/error-codes';
import type { ApiErrorBody } from '../../shared/api/errors';
import { SESSION_HEADER } from '../../shared/auth/session-transport';
import { mountEventStream, type StationEvents } from './event-stream';
import { staticFiles } from './static-files';

/**
 * The meta tag's policy in renderer/index.html, sent as a header on every answer, plus
 * `frame-ancestors`, which only works from a header (in the meta tag Chromium ignores it and logs
 * an error on every page load, so the tag leaves it out).
 */
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

/** The largest request body, in bytes of the stream (not characters of the decoded text). */
export const MAX_BODY_BYTES = 1_000_000;

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';', 1)[0]!.trim().toLowerCase();

export interface WebAppOptions {
  dispatch: Dispatch;
  /** Built renderer (out/renderer); absent in API-only tests. */
  rendererDir?: string;
  /** The port the host listens on, for the Host/Origin checks. */
  getPort: () => number;
  /** The running services' events (pushed to the screens as server-sent events). */
  events?: () => StationEvents | null;
}

const fail = (error: ApiErrorBody) => ({ ok: false as const, error });

/** An error answer with the status the error table gives its code. */
const refuse = (c: Context, error: ApiErrorBody) =>
  c.json(fail(error), ERROR_HTTP_STATUS[error.code]);

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
    // On the answer's own headers: hono's c.header() on a finished answer re-creates it around
    // its body as a stream, so every answer, a JSON one included, would be written through one.
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  });

  // Only application/json, whatever its case; checked before a byte of the body is read.
  app.post('/api/:method', async (c, next) => {
    if (mediaTypeOf(c.req.header('content-type')) === 'application/json') return next();
    return refuse(c, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: '请求须为 application/json',
      messageEn: 'The request body must be application/json',
    });
  });

  // The unread rest of the body would poison a kept-alive connection: close it after answering.
  const tooLarge = (c: Context) => {
    c.header('Connection', 'close');
    return refuse(c, {
      code: 'PAYLOAD_TOO_LARGE',
      message: `请求过大（上限 ${MAX_BODY_BYTES} 字节）`,
      messageEn: `Request too large (limit ${MAX_BODY_BYTES} bytes)`,
    });
  };
  const limitStream = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  // A declared length over the limit is refused at once; an undeclared one as the stream passes it
  // (hono's bodyLimit). The declared one is judged from the headers alone, as bodyLimit does, but
  // without touching the body first: bodyLimit's look at it builds a web Request and stream for
  // every call, where the text is otherwise read straight from Node's request.
  app.post('/api/:method', async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return limitStream(c, next);
    }
    return Number.parseInt(length || '0', 10) > MAX_BODY_BYTES ? tooLarge(c) : next();
  });

  app.post('/api/:method', async (c) => {
    const method = c.req.param('method');
    const text = await c.req.text();
    // Before JSON.parse and zod: a deeply nested body never reaches a recursive walk.
    if (jsonTooDeep(text)) {
      return refuse(c, {
        code: 'INVALID_INPUT',
        message: TOO_DEEP_TEXT.zh,
        messageEn: TOO_DEEP_TEXT.en,
      });
    }
    let input: unknown;
    try {
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      return refuse(c, {
        code: 'INVALID_INPUT',
        message: '请求不是有效的 JSON',
        messageEn: 'Malformed JSON body',
      });
    }
    // The session travels in a header, never in the method input; the dispatcher resolves it.
    const session = c.req.header(SESSION_HEADER);
    const result = await options.dispatch(method, input, {
      transport: 'http',
      actor: 'web',
      ...(session ? { session } : {}),
    });
    if (result.ok) return c.json(result, 200);
    return refuse(c, result.error);
  });

  if (options.events) mountEventStream(app, options.events);

  // Anything else under /api is not a method: the error table says 404 (not 405).
  app.all('/api/*', (c) =>
    refuse(c, {
      code: 'UNKNOWN_METHOD',
      message: '没有这个接口（请用 POST /api/<方法名>）',
      messageEn: 'No such method (use POST /api/<method>)',
    }),
  );

  if (options.rendererDir) {
    // A client route (any other GET) gets the page itself.
    app.use('*', staticFiles(options.rendererDir, { fallback: 'index.html' }));
  }
  return app;
}
