/**
 * Calls sent at start, before the screen that needs them has been rendered (start-bootstrap.ts):
 * `call` takes a matching one (same method, same input, same session) instead of asking again.
 * Each is taken once, and only a successful answer is used: a refusal is asked for again by the
 * screen, so it is reported as any other call's (e.g. a lost session). Unused ones expire.
 */
interface Early {
  token: string | undefined;
  reply: Promise<unknown>;
}

const early = new Map<string, Early>();

/** Long enough for the first screen to mount on a slow hall PC; then the answer is stale. */
export const EARLY_CALL_TTL_MS = 10_000;

const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

/** Keeps `reply` (the raw envelope of a call already sent) for the first matching `call`. */
export function keepEarlyCall(
  method: string,
  input: unknown,
  token: string | undefined,
  reply: Promise<unknown>,
): void {
  const key = keyOf(method, input);
  const entry = { token, reply };
  reply.catch(() => undefined); // looked at when taken
  early.set(key, entry);
  setTimeout(() => {
    if (early.get(key) === entry) early.delete(key);
  }, EARLY_CALL_TTL_MS);
}

/** The kept reply for this call, once; none when the session changed since it was sent. */
export function takeEarlyCall(
  method: string,
  input: unknown,
  token: string | undefined,
): Promise<unknown> | null {
  const key = keyOf(method, input);
  const entry = early.get(key);
  if (!entry) return null;
  early.delete(key);
  return entry.token === token ? entry.reply : null;
}
