import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../shared/auth/session-transport';
import type { StationRole } from '../../shared/auth/schemas';
import {
  seedStaff,
  startTestServices,
  type TestServices,
} from '../main/services/auth/testing/services';
import { createWebApp } from './app';

/** Over real HTTP: the ticket, the stream, the role filter and the end of a revoked session. */
describe('web host event stream (GET /api/events)', () => {
  let running: { t: TestServices; server: Server; url: string } | undefined;

  async function host(stationRole: StationRole) {
    const t = startTestServices({ stationRole });
    let port = 0;
    const app = createWebApp({
      dispatch: t.services.dispatch,
      getPort: () => port,
      events: () => t.services.events,
    });
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s as Server),
      );
    });
    port = (server.address() as AddressInfo).port;
    running = { t, server, url: `http://127.0.0.1:${port}` };
    return running;
  }
  afterEach(async () => {
    running?.server.closeAllConnections();
    await new Promise((resolve) => running?.server.close(resolve));
    await running?.t.cleanup();
    running = undefined;
  });

  const ticketFor = async (url: string, session?: string) => {
    const res = await fetch(`${url}/api/events.ticket`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { [SESSION_HEADER]: session } : {}),
      },
      body: '{}',
    });
    const body = (await res.json()) as { ok: boolean; value?: { ticket: string } };
    return body.value?.ticket;
  };

  /** The `data:` payloads of a stream, read until it ends. */
  async function readAll(res: Response): Promise<unknown[]> {
    const text = await res.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as unknown);
  }

  /** Waits until the bus has `n` streams (the stream subscribes after its first bytes). */
  const streams = async (t: TestServices, n: number) => {
    for (let i = 0; i < 100 && t.services.events.bus.size() < n; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(t.services.events.bus.size()).toBe(n);
  };

  it('a kiosk stream never gets a staff event, even when every event is published', async () => {
    const { t, url } = await host('kiosk');
    const ticket = await ticketFor(url);
    expect(ticket).toBeTruthy();
    const res = await fetch(`${url}/api/events?ticket=${ticket}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await streams(t, 1);
    const bus = t.services.events.bus;
    bus.publish('sync.changed', {});
    bus.publish('queue.changed', { kind: 'callNext', version: 1, board: null });
    bus.publish('session.ended', { reason: 'revoked' }, { staffNo: 'C101' });
    bus.close();
    expect(await readAll(res)).toEqual([]);
  });

  it('a display stream gets board changes only', async () => {
    const { t, url } = await host('display');
    const res = await fetch(`${url}/api/events?ticket=${await ticketFor(url)}`);
    await streams(t, 1);
    t.services.events.bus.publish('sync.changed', {});
    t.services.events.bus.publish('queue.changed', { kind: 'recall', version: 2, board: null });
    t.services.events.bus.close();
    expect(await readAll(res)).toEqual([
      { name: 'queue.changed', payload: { kind: 'recall', version: 2, board: null } },
    ]);
  });

  it('a ticket opens one stream; none, a reused or a made-up one is refused', async () => {
    const { url } = await host('display');
    const ticket = await ticketFor(url);
    const first = await fetch(`${url}/api/events?ticket=${ticket}`);
    expect(first.status).toBe(200);
    await first.body?.cancel();
    for (const query of [`?ticket=${ticket}`, '', '?ticket=not-a-ticket-at-all-000000']) {
      const res = await fetch(`${url}/api/events${query}`);
      expect(res.status, query).toBe(401);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('ticket');
    }
  });

  it('a staff station wants a session for a ticket; disabling the account ends its stream', async () => {
    const { t, url } = await host('staff');
    expect(await ticketFor(url)).toBeUndefined();
    const tokens = await seedStaff(t.services);
    const counterStream = await fetch(
      `${url}/api/events?ticket=${await ticketFor(url, tokens.counter)}`,
    );
    const guideStream = await fetch(
      `${url}/api/events?ticket=${await ticketFor(url, tokens.guide)}`,
    );
    await streams(t, 2);
    const disabled = await t.services.dispatch(
      'auth.setDisabled',
      { staffNo: 'C101', disabled: true },
      { transport: 'http', actor: 'binding', session: tokens.supervisor },
    );
    expect(disabled.ok).toBe(true);
    // The counter's stream says why and ends by itself; the guide's goes on.
    expect(await readAll(counterStream)).toEqual([
      { name: 'session.ended', payload: { reason: 'revoked' } },
    ]);
    expect(t.services.events.bus.size()).toBe(1);
    t.services.events.bus.close();
    expect(await readAll(guideStream)).toEqual([]);
  });
});
