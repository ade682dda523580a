import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../../shared/api/methods/complaints';
import type { Dashboard, ExportFile } from '../../../../shared/api/methods/dashboard';
import type { ApplicationDetail, ListResult } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { deadlineWarning } from '../../../../shared/deadline';
import { createServices, type Services } from '../createServices';
import { fakeApplicationInput, rng } from '../testing/fixtures';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
let services: Services;
let clock: Date;
const ctx = { transport: 'ipc' as const, actor: 'sup01' };
const DAY = 86_400_000;
const HOUR = 3_600_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-dashboard-'));
  clock = new Date('2026-09-01T09:00:00+08:00');
  services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(dir, 'hall.db'),
    transport: 'ipc',
    now: () => clock,
    // Seeded from the newest catalogue on autumn dates: the version switch is tested apart.
    catalogues: singleCatalogue(CATALOGUE),
    log: testLog,
    validateOutput: true,
  });
});
afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await services.dispatch(method, input, ctx);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/** Plain hall date of an epoch ms, written out here (not the service helper). */
const hallDay = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

interface Seeded {
  id: string;
  typeCode: string;
  acceptedAt: number;
  deadlineAt: number;
  closedAt: number | null;
}

/**
 * Submits applications of random types at random times over September 2026 through the real
 * services, then archives some of them the way the sync pull would (mirror row + stage).
 */
async function seed(n: number, seedNo: number): Promise<Seeded[]> {
  const r = rng(seedNo);
  const out: Seeded[] = [];
  const start = Date.parse('2026-09-01T00:00:00+08:00');
  const times = Array.from({ length: n }, () => start + Math.floor(r() * 30 * DAY)).sort(
    (a, b) => a - b,
  );
  for (const at of times) {
    clock = new Date(at);
    const type = CATALOGUE.types[Math.floor(r() * CATALOGUE.types.length)]!;
    const kind = type.accountKinds[Math.floor(r() * type.accountKinds.length)]!;
    // Random values can break a rule check (a reduction above the capacity): draw again.
    let d: ApplicationDetail | undefined;
    for (let tries = 0; !d && tries < 5; tries++) {
      const input = fakeApplicationInput(type, r, clock, kind);
      const res = await services.dispatch('applications.submit', input, ctx);
      if (res.ok) d = res.value as ApplicationDetail;
    }
    // Some rule checks (暂停 at least 15 days ahead…) random values rarely meet: skip those.
    if (!d) continue;
    out.push({
      id: d.id,
      typeCode: d.typeCode,
      acceptedAt: at,
      deadlineAt: Date.parse(d.deadlineAt!),
      closedAt: null,
    });
  }
  const archive = services.db.prepare(
    `INSERT INTO sync_mirror (application_id, central_no, stage, stage_index, stage_count, stage_at,
       version, payload_hash, seq) VALUES (?, ?, 'ARCHIVE', 2, 3, ?, 1, 'h', ?)`,
  );
  const mark = services.db.prepare(
    "UPDATE applications SET central_stage = 'ARCHIVE' WHERE id = ?",
  );
  out.forEach((a, i) => {
    if (r() < 0.5) {
      // Closed somewhere between acceptance and 4 days past the deadline.
      a.closedAt = a.acceptedAt + Math.floor(r() * (a.deadlineAt - a.acceptedAt + 4 * DAY));
      archive.run(a.id, `Z${i}`, a.closedAt, i + 1);
      mark.run(a.id);
    }
  });
  return out;
}

describe('dashboard figures equal a plain computation over the seeded store', () => {
  it('by type, by day, attainment, warnings and the overdue list', async () => {
    const apps = await seed(160, 42);
    clock = new Date('2026-10-10T11:00:00+08:00'); // the make-up Saturday after National Day
    const from = '2026-09-05';
    const to = '2026-09-24';
    const d = await call<Dashboard>('dashboard.get', { from, to });
    const now = clock.getTime();
    const inRange = apps.filter(
      (a) => hallDay(a.acceptedAt) >= from && hallDay(a.acceptedAt) <= to,
    );
    expect(inRange.length).toBeGreaterThan(50);

    const byType = new Map<string, number>();
    for (const a of inRange) byType.set(a.typeCode, (byType.get(a.typeCode) ?? 0) + 1);
    expect(Object.fromEntries(d.byType.map((t) => [t.typeCode, t.count]))).toEqual(
      Object.fromEntries(byType),
    );

    expect(d.byDay).toHaveLength(20);
    for (const day of d.byDay) {
      expect(day.count).toBe(inRange.filter((a) => hallDay(a.acceptedAt) === day.day).length);
    }

    let onTime = 0;
    let late = 0;
    let overdueOpen = 0;
    let pending = 0;
    for (const a of inRange) {
      if (a.closedAt !== null) {
        if (a.closedAt <= a.deadlineAt) onTime++;
        else late++;
      } else if (a.deadlineAt < now) overdueOpen++;
      else pending++;
    }
    // The seed exercises every outcome, so a wrong condition cannot hide behind a zero.
    expect(Math.min(onTime, late, overdueOpen, pending)).toBeGreaterThan(0);
    expect(d.attainment).toEqual({
      decided: onTime + late + overdueOpen,
      onTime,
      late,
      overdueOpen,
      pending,
      rate: onTime / (onTime + late + overdueOpen),
    });

    const open = apps.filter((a) => a.closedAt === null);
    const levels = { red: 0, orange: 0, yellow: 0, none: 0 };
    for (const a of open) levels[deadlineWarning(new Date(a.deadlineAt), clock)]++;
    expect(d.warnings).toEqual(levels);
    expect(levels.red + levels.orange + levels.yellow).toBeGreaterThan(0);

    const overdue = open
      .filter((a) => a.deadlineAt < now)
      .sort((a, b) => a.deadlineAt - b.deadlineAt);
    expect(d.overdueTotal).toBe(overdue.length);
    expect(d.overdue.map((o) => o.id)).toEqual(overdue.map((a) => a.id));
    expect(d.overdue[0]?.overdueHours).toBe(Math.floor((now - overdue[0]!.deadlineAt) / HOUR));
    // Masked in the list.
    expect(d.overdue.every((o) => o.phoneMasked === '' || o.phoneMasked.includes('****'))).toBe(
      true,
    );
  });

  it('the list filters and sorts by the same warnings', async () => {
    const apps = await seed(60, 7);
    clock = new Date('2026-09-29T09:00:00+08:00');
    const open = apps.filter((a) => a.closedAt === null);
    for (const level of ['red', 'orange', 'yellow', 'none'] as const) {
      const res = await call<ListResult>('applications.list', { warning: level, limit: 500 });
      const expected = open.filter((a) => deadlineWarning(new Date(a.deadlineAt), clock) === level);
      expect(res.rows.map((x) => x.id).sort(), level).toEqual(expected.map((a) => a.id).sort());
    }
    const any = await call<ListResult>('applications.list', {
      warning: 'any',
      sort: 'deadline',
      limit: 500,
    });
    const expectedAny = open
      .filter((a) => deadlineWarning(new Date(a.deadlineAt), clock) !== 'none')
      .sort((a, b) => a.deadlineAt - b.deadlineAt || 0);
    expect(any.rows.map((x) => Date.parse(x.deadlineAt!))).toEqual(
      expectedAny.map((a) => a.deadlineAt),
    );
    // Sorted by deadline with a search: the sparse (union) path orders the same way.
    const name = any.rows[0]?.applicantName ?? '';
    const searched = await call<ListResult>('applications.list', {
      q: name,
      sort: 'deadline',
      limit: 500,
    });
    const dl = searched.rows.map((x) => Date.parse(x.deadlineAt!));
    expect(dl).toEqual([...dl].sort((a, b) => a - b));
  });

  it('complaint figures', async () => {
    clock = new Date('2026-09-29T10:00:00+08:00');
    const take = (mobile: string) =>
      call<ComplaintDetail>('complaints.take', {
        kind: 'complaint',
        subject: 'billing',
        channel: 'phone',
        customerName: '赵敏',
        mobile,
        content: '电费疑问，请核实',
      });
    const a = await take('13800000001');
    await take('13800000001');
    const c = await take('13800000001');
    clock = new Date('2026-09-29T12:00:00+08:00');
    await call('complaints.contact', { id: a.id, version: 1 });
    clock = new Date('2026-10-01T12:00:00+08:00'); // c's contact is now late
    await call('complaints.contact', { id: c.id, version: 1 });
    const d = await call<Dashboard>('dashboard.get', { from: '2026-09-29', to: '2026-09-29' });
    expect(d.complaints).toMatchObject({
      taken: 3,
      open: 3,
      contacted: 2,
      contactInTime: 1,
      answered: 0,
      repeatRed: 1,
      // The untouched second one is past its contact deadline.
      overdueOpen: 1,
    });
  });
});

describe('exports', () => {
  it('CSV has a BOM, masked numbers and guarded formulas; xlsx reads back the same table', async () => {
    clock = new Date('2026-09-07T10:00:00+08:00');
    const type = CATALOGUE.types.find((t) => t.code === 'NEW_LV_RES')!;
    const r = rng(3);
    const input = fakeApplicationInput(type, r, clock);
    input.fields = {
      ...input.fields,
      applicantName: '=HYPERLINK("http://x","点我")',
      mobile: '13812345678',
    };
    await call('applications.submit', input);
    clock = new Date('2026-09-08T10:00:00+08:00');
    const csv = await call<ExportFile>('reports.export', {
      report: 'applications',
      format: 'csv',
      filters: { from: '2026-09-01', to: '2026-09-30' },
    });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('受理编号,业务类型')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(csv).toMatchObject({ rows: 1, mimeType: 'text/csv;charset=utf-8' });
    expect(csv.filename).toMatch(/^applications-\d{12}\.csv$/);

    const xlsx = await call<ExportFile>('reports.export', {
      report: 'byType',
      format: 'xlsx',
      lang: 'en',
      filters: { from: '2026-09-01', to: '2026-09-30' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Type code', 'Type', 'Accepted']);
    expect(ws.getRow(2).values).toEqual([undefined, 'NEW_LV_RES', type.name.en, 1]);

    const log = services.db
      .prepare('SELECT actor, report, format, row_count FROM report_exports ORDER BY id')
      .all();
    expect(log).toEqual([
      { actor: 'sup01', report: 'applications', format: 'csv', row_count: 1 },
      { actor: 'sup01', report: 'byType', format: 'xlsx', row_count: 1 },
    ]);
  });
});
