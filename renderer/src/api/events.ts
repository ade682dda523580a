import type { EventName } from '../../../shared/api/channels';
import type { EventPayload, HallEvent } from '../../../shared/api/events';
import { findBridge } from './bridge';
import { ClientError, call } from './client';
import type * as Transports from './event-transports';
import { notifySessionRejected, onSessionChanged } from './session-token';

/** Waits before opening another stream after one failed: doubling from the first to the cap. */
export const RECONNECT_FIRST_MS = 500;
export const RECONNECT_CAP_MS = 10_000;

type Listener = (payload: never) => void;
const listeners = new Map<EventName, Set<Listener>>();
const openListeners = new Set<() => void>();
let stream: Transports.Stream | null = null;
let connecting = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;
/** Bumped whenever the stream is restarted: a ticket asked for before then is not used. */
let generation = 0;

const wanted = (): boolean => listeners.size > 0 || openListeners.size > 0;

function deliver(event: HallEvent): void {
  // The services ended this session elsewhere: the same path as a refused call (lock screen).
  if (event.name === 'session.ended') notifySessionRejected();
  for (const listener of listeners.get(event.name) ?? []) {
    (listener as (payload: HallEvent['payload']) => void)(event.payload);
  }
}

function scheduleReconnect(): void {
  if (retryTimer || !wanted()) return;
  const delay = Math.min(RECONNECT_CAP_MS, RECONNECT_FIRST_MS * 2 ** failures);
  failures += 1;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void connect();
  }, delay);
}

async function connect(): Promise<void> {
  if (stream || connecting || !wanted()) return;
  connecting = true;
  const mine = generation;
  let ticket: string;
  let transports: typeof Transports;
  try {
    // The transports check each event with the contract's zod schemas (parseEvent): loaded beside
    // the first ticket, not in the entry chunk, so the first screen does not wait for zod.
    [{ ticket }, transports] = await Promise.all([
      call('events.ticket', {}),
      import('./event-transports'),
    ]);
  } catch (err) {
    connecting = false;
    // Not signed in (or signed out meanwhile): wait for a session instead of asking again.
    if (err instanceof ClientError && err.code === 'UNAUTHENTICATED') return;
    if (mine === generation) scheduleReconnect();
    return;
  } finally {
    connecting = false;
  }
  if (mine !== generation || stream || !wanted()) return void connect();
  const handlers = {
    onOpen: () => {
      failures = 0;
      // Whatever happened while there was no stream: each screen reads its data once.
      for (const listener of openListeners) listener();
    },
    onEvent: deliver,
    onClosed: () => {
      if (stream === opened) stream = null;
      scheduleReconnect();
    },
  };
  const bridge = findBridge();
  const opened = bridge
    ? transports.openIpcStream(bridge, ticket, handlers)
    : transports.openHttpStream(ticket, handlers);
  stream = opened;
}

function stop(): void {
  generation += 1;
  stream?.close();
  stream = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  failures = 0;
}

/** A new session (sign-in, sign-out, another person): the stream is opened again for it. */
export function restartEvents(): void {
  stop();
  void connect();
}
onSessionChanged(restartEvents);

function release(): void {
  if (!wanted()) stop();
}

/**
 * Listens to one pushed event (shared/api/events.ts), whichever transport carries it (IPC in
 * Electron, server-sent events from the web host). The stream opens with the first listener
 * and closes with the last. Returns the unsubscribe.
 */
export function subscribe<N extends EventName>(
  name: N,
  listener: (payload: EventPayload<N>) => void,
): () => void {
  const set = listeners.get(name) ?? new Set<Listener>();
  set.add(listener as Listener);
  listeners.set(name, set);
  void connect();
  return () => {
    set.delete(listener as Listener);
    if (set.size === 0) listeners.delete(name);
    release();
  };
}

/**
 * Called each time the stream opens, the first time and after every reconnect: the one safety
 * read that replaces polling (events sent while there was no stream are not replayed).
 */
export function onStreamOpen(listener: () => void): () => void {
  openListeners.add(listener);
  void connect();
  return () => {
    openListeners.delete(listener);
    release();
  };
}

/** Whether a stream is open or being opened (tests, the status bar). */
export const eventsActive = (): boolean => stream !== null || connecting;
