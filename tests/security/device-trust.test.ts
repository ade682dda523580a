import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue';
import { createServices, type Services } from '../../electron/main/services/createServices';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';
import { centralPerTest } from '../support/central-per-test';
import { testLog } from '../support/test-log';

const hub = centralPerTest('hall-device-trust-');
let services: Services | undefined;

// Registered after the central system's hooks, so it runs before the central system closes.
afterEach(async () => {
  await services?.close();
  services = undefined;
});

const ctx = { transport: 'http' as const, actor: 'C101' };

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function start(registrationSecret?: string): Services {
  services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(hub.dir, 'hall.db'),
    backupDir: join(hub.dir, 'backups'),
    transport: 'http',
    centralUrl: hub.central.url,
    // Demo mode's trust: the development secret against a demo-mode central system.
    demo: true,
    ...(registrationSecret ? { registrationSecret } : {}),
    syncTiming: { idlePollMs: 100, backoff: { baseMs: 10, capMs: 50 }, requestTimeoutMs: 2000 },
    log: testLog,
  });
  return services;
}

const submit = async (s: Services, seed: number) => {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(seed), new Date());
  const r = await s.dispatch('applications.submit', input, ctx);
  expect(r.ok).toBe(true);
};

describe('device trust between the console and the central system', () => {
  it('the central system refuses unknown devices and forged tokens', async () => {
    for (const auth of [undefined, 'Bearer forged', `Bearer ${'a'.repeat(43)}`]) {
      const res = await fetch(`${hub.central.url}/v1/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ ops: [] }),
      });
      expect(res.status).toBe(401);
    }
    expect(hub.central.stats().applied).toBe(0);
  });

  it('a console with the wrong registration secret is never registered and sends nothing', async () => {
    const s = start('not-the-secret');
    await submit(s, 1);
    await until(() => s.sync.engine.status().halted !== null);
    expect(s.sync.engine.status().halted).toBe('registration_refused');
    expect(hub.central.stats().applied).toBe(0);
  });

  it('a revoked device is stopped (403); nothing more it sends is applied', async () => {
    const s = start();
    await submit(s, 2);
    // The application's operation and its customer record's (customers travel to central too).
    const counts = () => s.sync.engine.status().counts;
    await until(() => counts().pending === 0 && counts().acknowledged > 0);
    const ackedBefore = counts().acknowledged;
    const deviceId = s.db
      .prepare("SELECT value FROM sync_state WHERE key = 'device_id'")
      .pluck()
      .get() as string;
    const revoke = await fetch(`${hub.central.url}/admin/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hub.central.adminToken}`,
      },
      body: '{}',
    });
    expect(revoke.status).toBe(200);
    await submit(s, 3);
    await until(() => s.sync.engine.status().halted === 'forbidden');
    expect(hub.central.stats().applications).toBe(1);
    // Nothing sent after the revocation was taken: all of it still waits.
    expect(counts().acknowledged).toBe(ackedBefore);
    expect(counts().pending).toBeGreaterThan(0);
    expect(counts().pending).toBe(counts().created - ackedBefore);
  });

  it('the console refuses a plain-HTTP central system that is not on this machine', () => {
    for (const url of ['http://central.example.com', 'http://10.1.2.3:8787', 'ftp://x.example']) {
      expect(() =>
        createServices({
          // A trusted in-process caller: no sign-in, no role gate.
          auth: { enforce: false },
          dbFile: join(hub.dir, 'refused.db'),
          transport: 'http',
          centralUrl: url,
          demo: true,
          log: testLog,
        }),
      ).toThrow(/HTTPS|URL/);
    }
  });
});
