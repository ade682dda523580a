import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DeviceAuth, DeviceIdentity } from './auth';
import { fail } from './errors';
import { isJsonMediaType } from '../server-common/http/media-type';
import { jsonTooDeep, TOO_DEEP_TEXT } from '../server-common/http/json-depth';

/** What the central app keeps per request: the device a bearer token names. */
export type CentralEnv = { Variables: { device: DeviceIdentity } };

/** Whether the request carries a body at all (a length above 0, or a chunked one). */
const hasBody = (c: Context): boolean => {
  const length = c.req.header('content-length');
  return (
    (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
  );
};

/**
 * Whether a body may follow: declared by its headers, or a stream on a request made in-process
 * (a `Request` built in a test carries no length header). The headers are looked at first:
 * touching `body` makes the Node adapter build a web stream over the socket, and reading a
 * 1 MB push through that stream cost central more CPU than applying its operations.
 */
const mayHaveBody = (c: Context): boolean => hasBody(c) || c.req.raw.body !== null;

/**
 * A body over `maxSize` bytes is refused (413). A declared length is checked from the header
 * alone, so the route reads the body straight from the socket; a body without one (chunked)
 * goes through Hono's bodyLimit, which counts the bytes as they arrive.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > maxSize) return onError(c);
      await next();
      return;
    }
    return streamed(c, next);
  };
}

/** A body must be `application/json` (any case, any parameters): anything else is 415. */
export const jsonBodiesOnly: MiddlewareHandler = async (c, next) => {
  if (hasBody(c) && !isJsonMediaType(c.req.header('content-type'))) {
    return fail(
      c,
      'unsupportedMediaType',
      '请求内容须为 JSON（Content-Type: application/json）',
      'The request body must be JSON (Content-Type: application/json)',
    );
  }
  await next();
};

/**
 * A JSON body nested deeper than MAX_JSON_DEPTH is refused (400) before any route parses it.
 * The text read here is kept by the request, so the route's `c.req.json()` reads it again
 * without touching the stream (and the byte limit in front of this still applies).
 */
export const shallowJsonOnly: MiddlewareHandler = async (c, next) => {
  if (mayHaveBody(c) && jsonTooDeep(await c.req.text())) {
    return fail(c, 'malformed', TOO_DEEP_TEXT.zh, TOO_DEEP_TEXT.en);
  }
  await next();
};

export const badRequest = (c: Context, field?: string): Response =>
  fail(
    c,
    'malformed',
    field ? `请求字段 ${field} 不正确` : '请求格式不正确',
    field ? `Request field ${field} is invalid` : 'The request is malformed',
    field ? { field } : {},
  );

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

export const firstPath = (issues: { path: PropertyKey[] }[]): string | undefined =>
  issues[0]?.path.map(String).join('.') || undefined;

/**
 * Bearer-token check for the data endpoints (sync and queue): sets `device`. A hall hub's own
 * credential is refused there (403): it may only ask central to vouch (`{ hub: true }`).
 */
export function requireDevice(
  auth: DeviceAuth,
  /** `online`: an online channel's credential is accepted (the appointment endpoint only). */
  opts: { hub?: boolean; online?: boolean } = {},
): MiddlewareHandler<CentralEnv> {
  return async (c, next) => {
    const outcome = await auth.verify(c.req.header('authorization'));
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') {
        return fail(c, 'forbidden', '该设备已被停用', 'This device has been disabled');
      }
      c.header('WWW-Authenticate', 'Bearer');
      return outcome.reason === 'expired'
        ? fail(c, 'tokenExpired', '访问令牌已过期', 'The access token has expired')
        : fail(c, 'unauthenticated', '缺少或无效的访问令牌', 'Missing or invalid access token');
    }
    if (outcome.device.role === 'hub' && !opts.hub) {
      return fail(
        c,
        'forbidden',
        '叫号服务器的凭证不能用于此操作',
        'A hall hub’s credential cannot be used for this',
      );
    }
    if (outcome.device.role === 'online' && !opts.online) {
      return fail(
        c,
        'forbidden',
        '网上渠道的凭证只能用于预约接口',
        'An online channel’s credential can only be used for appointments',
      );
    }
    c.set('device', outcome.device);
    await next();
  };
}
