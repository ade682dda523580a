import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './ports';
import { CATALOGUE } from '../../shared/catalogue';
import { callOk, TEST_COST } from '../../electron/main/services/auth/testing/services';
import { createServices } from '../../electron/main/services/createServices';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';
import { testLog } from '../support/test-log';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hall-station-config-'));
const children: ChildProcess[] = [];
// The web host built like `npm run build` does, into this test's own folder.
const outdir = `out/test-station-config-${process.pid}`;

const GOOD = {
  version: 1,
  role: 'kiosk',
  hallCode: 'HALL07',
  hallName: '城东营业厅',
  stationCode: 'K02',
};

beforeAll(async () => {
  const { buildNodeEntries } = await import('../../scripts/build-node.mjs');
  await buildNodeEntries({ outdir, entries: { 'webhost/main': 'electron/webhost/main.ts' } });
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(resolve(ROOT, outdir), { recursive: true, force: true });
});

/** Starts the built web host with a clean environment (no development overrides). */
async function webhost(args: string[], name: string) {
  const port = await freePort();
  const env = { ...process.env };
  for (const key of ['CENTRAL_URL', 'HALL_ROLE', 'HALL_STATION', 'HALL_DB']) delete env[key];
  const child = spawn(
    process.execPath,
    [
      `${outdir}/webhost/main.js`,
      '--port',
      String(port),
      '--db',
      join(dir, name, 'hall.db'),
      ...args,
    ],
    { cwd: ROOT, env },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const started = (async () => {
    const until = Date.now() + 30_000;
    while (!out.includes('web host: http')) {
      if (Date.now() > until || child.exitCode !== null) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  })();
  const call = async (method: string, body: unknown = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  };
  return { child, exit, started, call, stdout: () => out, stderr: () => err };
}

describe('the web host and its station config file (built JS, real process)', () => {
  it('refuses a bad --config file in one line naming the field, in Chinese and English', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...GOOD, stationCode: 'K 02' }));
    const host = await webhost(['--config', bad], 'bad');
    expect(await host.exit).toBe(2);
    const lines = host.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `station config ${bad} refused: 站点编号格式不正确，请检查后重新填写 / Station code has an invalid format; check it and enter it again`,
    );
    expect(host.stderr()).not.toContain('K 02');
    expect(host.stderr()).not.toMatch(/\n\s+at /);
    console.log(`station_config bad_file field=stationCode exit=2 lines=${lines.length}`);
  });

  it('refuses a --config file that does not exist', async () => {
    const host = await webhost(['--config', join(dir, 'missing.json')], 'missing');
    expect(await host.exit).toBe(2);
    expect(host.stderr()).toMatch(/not found \/ 找不到站点配置文件/);
  });

  it('refuses a database whose key file is missing in one line, and writes no new keys', async () => {
    // A station's file that holds sealed values, then its key file gone (a copy, a bad restore).
    const station = join(dir, 'sealed');
    mkdirSync(station);
    const services = createServices({
      dbFile: join(station, 'hall.db'),
      backupDir: join(station, 'backups'),
      transport: 'http',
      log: testLog,
      auth: { enforce: false, scryptCost: TEST_COST },
    });
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(5), new Date());
    await callOk(services, 'applications.submit', input);
    services.close();
    rmSync(join(station, 'hall-keys.json'));
    const good = join(dir, 'good-sealed.json');
    writeFileSync(good, JSON.stringify(GOOD));
    const host = await webhost(['--config', good], 'sealed');
    expect(await host.exit).toBe(2);
    const lines = host.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`put its hall-keys.json back at ${join(station, 'hall-keys.json')}`);
    expect(existsSync(join(station, 'hall-keys.json'))).toBe(false);
    console.log(`station_config missing_key_file exit=2 lines=${lines.length}`);
  });

  it('--config makes a configured station at once (here a kiosk: no sign-in)', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(GOOD));
    const host = await webhost(['--config', good], 'good');
    expect(await host.started).toBe(true);
    const config = await host.call('station.config');
    expect(config).toMatchObject({
      ok: true,
      value: { configured: true, path: good, config: { role: 'kiosk', stationCode: 'K02' } },
    });
    // A kiosk answers its own methods without anyone signing in.
    expect((await host.call('kiosk.content')).ok).toBe(true);
    expect(host.stdout()).not.toMatch(/development settings/);
    host.child.kill('SIGTERM');
    expect(await host.exit).toBe(0);
  });

  it('without a config file: only the wizard answers until station.setup writes the file', async () => {
    const host = await webhost([], 'fresh');
    expect(await host.started).toBe(true);
    expect(await host.call('station.config')).toMatchObject({ value: { configured: false } });
    expect((await host.call('auth.status')).error?.code).toBe('UNAVAILABLE');
    const setup = await host.call('station.setup', {
      ...GOOD,
      version: undefined,
      role: 'counter',
    });
    expect(setup.ok).toBe(true);
    expect(statSync(join(dir, 'fresh', 'station-config.json')).mode & 0o777).toBe(0o600);
    expect((await host.call('auth.status')).ok).toBe(true);
    host.child.kill('SIGTERM');
    expect(await host.exit).toBe(0);
  });

  it('development flags win over the file, and the host says so in one line', async () => {
    const good = join(dir, 'good2.json');
    writeFileSync(good, JSON.stringify(GOOD));
    const host = await webhost(['--config', good, '--role', 'display'], 'dev');
    expect(await host.started).toBe(true);
    // The host listens before it reads its config (the services load behind it): the first
    // answered call means the config has been read.
    expect(await host.call('station.config')).toMatchObject({
      value: { config: { role: 'display' }, overrides: ['role'] },
    });
    const said = host
      .stdout()
      .split('\n')
      .filter((l) => l.includes('development settings'));
    expect(said).toEqual([
      'web host: development settings from flags/environment win over the station config: role',
    ]);
    host.child.kill('SIGTERM');
    expect(await host.exit).toBe(0);
  });
});
