import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/api/methods/core';
import { readBuildLabel } from './build-info';
import { createServices, type Services } from './createServices';
import { testLog } from '../../../tests/support/test-log';

let dir = '';
let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const ctx = { transport: 'ipc' as const, actor: 'station' };

describe('system.info for the About dialog', () => {
  it('carries the build, the config path and the live update state, checked by the contract', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-info-'));
    let update: UpdateStatus = { state: 'downloading', version: '0.2.0' };
    services = createServices({
      dbFile: join(dir, 'hall.db'),
      transport: 'ipc',
      log: testLog,
      validateOutput: true,
      auth: { enforce: false },
      about: { build: 'abc123 · 2026-11-30T04:00:00Z', configPath: '/etc/hall/station.json' },
      updateStatus: () => update,
    });
    const first = await services.dispatch('system.info', {}, ctx);
    expect(first).toMatchObject({
      ok: true,
      value: {
        build: 'abc123 · 2026-11-30T04:00:00Z',
        configPath: '/etc/hall/station.json',
        update: { state: 'downloading', version: '0.2.0' },
      },
    });
    update = { state: 'ready', version: '0.2.0' };
    const second = await services.dispatch('system.info', {}, ctx);
    expect(second).toMatchObject({ ok: true, value: { update: { state: 'ready' } } });
  });

  it('defaults to a development build, no config file and updates off', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-info-'));
    services = createServices({
      dbFile: join(dir, 'hall.db'),
      transport: 'http',
      log: testLog,
      validateOutput: true,
      auth: { enforce: false },
    });
    const info = await services.dispatch('system.info', {}, ctx);
    expect(info).toMatchObject({
      ok: true,
      value: { build: 'development', configPath: null, update: { state: 'off' } },
    });
  });

  it('reads the build label from build-info.json, development when absent or unreadable', () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-info-'));
    const file = join(dir, 'build-info.json');
    expect(readBuildLabel(file)).toBe('development');
    writeFileSync(file, '{not json');
    expect(readBuildLabel(file)).toBe('development');
    writeFileSync(
      file,
      JSON.stringify({ commit: 'dd8d0d63cde9', builtAt: '2026-11-30T04:23:54Z' }),
    );
    expect(readBuildLabel(file)).toBe('dd8d0d63cde9 · 2026-11-30T04:23:54Z');
    writeFileSync(file, JSON.stringify({ commit: null, builtAt: '2026-11-30T04:23:54Z' }));
    expect(readBuildLabel(file)).toBe('2026-11-30T04:23:54Z');
  });
});
