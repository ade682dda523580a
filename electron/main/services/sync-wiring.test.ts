import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import type { SyncStatusView } from '../../../shared/sync/sync-api';
import { createServices, type Services } from './createServices';
import { fakeApplicationInput, householdNewType, rng } from './testing/fixtures';
import { testLog } from '../../../tests/support/test-log';

let dir: string;
let services: Services | undefined;
const ctx = { transport: 'http' as const, actor: 'clerk07' };
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-sync-wiring-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const open = (centralUrl?: string) =>
  createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(dir, 'hall.db'),
    transport: 'http',
    now: () => MONDAY_10,
    ...(centralUrl ? { centralUrl } : {}),
    // Demo mode's trust: the development secret against a demo-mode central system.
    demo: true,
    startSync: false,
    validateOutput: true,
    log: testLog,
  });

async function status(s: Services): Promise<SyncStatusView> {
  const res = await s.dispatch('sync.status', {}, ctx);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value as SyncStatusView;
}

describe('sync status as the indicator reads it', () => {
  it('says when no central system is configured, and still counts what waits', async () => {
    services = open();
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(5), MONDAY_10);
    const submitted = await services.dispatch('applications.submit', input, ctx);
    expect(submitted.ok).toBe(true);
    const s = await status(services);
    expect(s).toMatchObject({ configured: false, online: false, lastAttemptAt: null });
    expect(s.counts).toMatchObject({ created: 1, pending: 1 });
  });

  it('says configured once a central URL is given', async () => {
    services = open('http://127.0.0.1:9');
    expect((await status(services)).configured).toBe(true);
  });
});
