import { testLog } from '../../../../tests/support/test-log';
import { afterEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResult } from '../../../../shared/api/errors';
import { createServices } from '../createServices';
import { ctxFor, seedStaff, TEST_COST } from '../auth/testing/services';
import { readStationConfig, STATION_CONFIG_FILE, writeStationConfig } from './config-file';
import { createStationRuntime, type StationRuntime } from './runtime';
import { stationRoleOf, type StationConfig } from '../../../../shared/station/config';

const SETUP = {
  role: 'counter',
  hallCode: 'HALL07',
  hallName: '城东营业厅',
  stationCode: 'C03',
  centralUrl: 'https://central.example.cn',
  enrolmentCode: 'ENROL-7788',
} as const;

const dirs: string[] = [];
const runtimes: StationRuntime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function startRuntime(fileConfig: StationConfig | null = null) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-station-'));
  dirs.push(dir);
  const file = join(dir, STATION_CONFIG_FILE);
  const runtime = createStationRuntime({
    file,
    fileConfig,
    start: (config, station) =>
      createServices({
        dbFile: join(dir, 'hall.db'),
        transport: 'http',
        log: testLog,
        hallCode: config.hallCode,
        hallName: config.hallName,
        stationCode: config.stationCode,
        // The test needs no central system: the address is kept in the config only.
        station,
        auth: { enforce: true, stationRole: stationRoleOf(config.role), scryptCost: TEST_COST },
      }),
  });
  runtimes.push(runtime);
  const call = (method: string, input: unknown = {}, session?: string) =>
    runtime.dispatch(method, input, ctxFor(session));
  return { dir, file, runtime, call };
}

const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('station config file', () => {
  it('is written atomically as readable JSON with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-station-file-'));
    dirs.push(dir);
    const file = join(dir, STATION_CONFIG_FILE);
    writeStationConfig(file, { version: 1, ...SETUP });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, ...SETUP });
    expect(readdirSync(dir)).toEqual([STATION_CONFIG_FILE]);
    expect(readStationConfig(file)).toEqual({ ok: true, config: { version: 1, ...SETUP } });
  });

  it('a file that is not JSON is refused as a whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-station-file-'));
    dirs.push(dir);
    const file = join(dir, 'bad.json');
    writeStationConfig(file, { version: 1, ...SETUP });
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, 20));
    const r = readStationConfig(file);
    expect(r.ok).toBe(false);
    expect('problem' in r && r.problem.messageEn).toBe('the file is not valid JSON');
  });
});

describe('first start', () => {
  it('answers only the wizard until set up, then the services', async () => {
    const { call, file } = startRuntime();
    const before = await call('station.config');
    expect(before).toMatchObject({ ok: true, value: { configured: false, config: null } });
    expect(codeOf(await call('auth.status'))).toBe('UNAVAILABLE');
    expect(codeOf(await call('station.setup', { ...SETUP, hallCode: 'bad code' }))).toBe(
      'INVALID_INPUT',
    );
    expect(existsSync(file)).toBe(false);

    const done = await call('station.setup', SETUP);
    expect(done.ok).toBe(true);
    expect(JSON.stringify(done)).not.toContain('ENROL-7788');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(codeOf(await call('auth.status'))).toBe('ok');
    // First start only: a second setup is refused, signed in or not.
    expect(codeOf(await call('station.setup', SETUP))).toBe('CONFLICT');
  });
});

describe('later changes need a supervisor', () => {
  it('refuses unsigned callers and clerks, audits the supervisor, restarts with the change', async () => {
    const { call, file, runtime } = startRuntime();
    await call('station.setup', SETUP);
    const tokens = await seedStaff(runtime.services()!);
    const change = { ...SETUP, role: 'guide', stationCode: 'G02', enrolmentCode: undefined };

    expect(codeOf(await call('station.update', change))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call('station.update', change, tokens.counter))).toBe('FORBIDDEN');
    expect(codeOf(await call('station.update', change, tokens.guide))).toBe('FORBIDDEN');
    const updated = await call('station.update', change, tokens.supervisor);
    expect(updated).toMatchObject({ ok: true, value: { config: { stationCode: 'G02' } } });

    // The restarted services read the new station; the unused enrolment code stays in the file.
    const after = await call('station.config', {}, tokens.supervisor);
    expect(after).toMatchObject({ ok: true, value: { config: { role: 'guide' } } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      stationCode: 'G02',
      enrolmentCode: 'ENROL-7788',
    });
    const audit = await call('audit.list', {}, tokens.supervisor);
    const rows = audit.ok ? (audit.value as { action: string; detail: unknown }[]) : [];
    const row = rows.find((e) => e.action === 'station_config');
    expect(row?.detail).toMatchObject({
      changed: 'role,stationCode',
      roleFrom: 'counter',
      roleTo: 'guide',
      stationFrom: 'C03',
      stationTo: 'G02',
    });
  });

  it('the enrolment code leaves the file once used', async () => {
    let used: (() => void) | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'hall-station-'));
    dirs.push(dir);
    const file = join(dir, STATION_CONFIG_FILE);
    const runtime = createStationRuntime({
      file,
      fileConfig: { version: 1, ...SETUP },
      start: (config, station) => {
        used = station.enrolmentUsed;
        return createServices({
          dbFile: join(dir, 'hall.db'),
          transport: 'http',
          log: testLog,
          station,
        });
      },
    });
    runtimes.push(runtime);
    writeStationConfig(file, { version: 1, ...SETUP });
    used!();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(stored.enrolmentCode).toBeUndefined();
    expect(stored.stationCode).toBe('C03');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
