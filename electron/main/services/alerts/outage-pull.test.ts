import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../../central/server';
import type { AlertSuggestion } from '../../../../shared/api/methods/alerts';
import { toHallIso } from '../../../../shared/hall-time';
import { testLog } from '../../../../tests/support/test-log';
import { createServices, type Services } from '../createServices';

/**
 * Planned outages travel from a real central system to the stations of the hall's area in the
 * sync cycle (central's route is tested on both stores in central/planned-outages.test.ts):
 * they raise the supervisor's suggested level, and a station of a hall in another district
 * receives none.
 */
const NOW = new Date();
const HOUR = 3_600_000;
const at = (hours: number) => toHallIso(NOW.getTime() + hours * HOUR);

let dir: string;
let central: CentralHandle;
const opened: Services[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-outage-pull-'));
  central = await startCentral({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
    keyFile: join(dir, 'hub-keys.json'),
  });
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

function station(hallCode: string): Services {
  const s = createServices({
    auth: { enforce: false },
    dbFile: join(dir, `${hallCode}.db`),
    transport: 'http',
    now: () => NOW,
    centralUrl: central.url,
    hallCode,
    stationCode: 'C01',
    demo: true,
    startSync: false,
    validateOutput: true,
    log: testLog,
  });
  opened.push(s);
  return s;
}

const admin = (method: string, path: string, body: unknown) =>
  fetch(`${central.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${central.adminToken}` },
    body: JSON.stringify(body),
  });

async function suggest(s: Services): Promise<AlertSuggestion> {
  const out = await s.sync.engine.runOnce();
  expect(out.next, 'a sync cycle ends idle').toBe('idle');
  const res = await s.dispatch('alerts.suggest', {}, { transport: 'http', actor: 'S001' });
  if (!res.ok) throw new Error(`alerts.suggest failed: ${JSON.stringify(res.error)}`);
  return res.value as AlertSuggestion;
}

describe("planned outages pulled into the hall's alert suggestion", () => {
  it("an outage in the hall's district raises the suggestion; another district's hall gets none", async () => {
    const gulou = station('H01');
    const taijiang = station('H02');
    expect((await suggest(gulou)).level).toBe('none');
    await admin('PUT', '/admin/halls/H01/area', { districtCode: '350102', districtName: '鼓楼区' });
    await admin('PUT', '/admin/halls/H02/area', { districtCode: '350103', districtName: '台江区' });
    const published = await admin('POST', '/admin/outages', {
      area: '350102',
      startsAt: at(-1),
      endsAt: at(5),
      affected: '鼓楼区东街10kV线路',
      customerNotice: '东街片区今日计划停电',
    });
    expect(published.status).toBe(201);
    await admin('POST', '/admin/outages', {
      area: '鼓楼区',
      startsAt: at(2),
      endsAt: at(6),
      affected: '鼓楼区西湖线路',
    });

    const mine = await suggest(gulou);
    const other = await suggest(taijiang);
    testLog(
      `suggested level after the pull: H01(鼓楼区) ${mine.level} (inProgress=${mine.plannedOutages.inProgress} startingSoon=${mine.plannedOutages.startingSoon}), H02(台江区) ${other.level} (outages=${other.plannedOutages.outages.length})`,
    );
    expect(mine.level).toBe('orange');
    expect(mine.plannedOutages).toMatchObject({ inProgress: 1, startingSoon: 1, level: 'orange' });
    expect(mine.plannedOutages.outages.map((o) => [o.affected, o.inProgress])).toEqual([
      ['鼓楼区东街10kV线路', true],
      ['鼓楼区西湖线路', false],
    ]);
    expect(other.level).toBe('none');
    expect(other.plannedOutages.outages).toEqual([]);
    // Kept sealed at rest.
    const raw = JSON.stringify(gulou.db.prepare('SELECT texts FROM planned_outages').all());
    expect(raw).not.toContain('东街');
  });
});
