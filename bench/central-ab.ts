/**
 * Central's apply, this checkout against another one, batch by batch in one process:
 *   npx tsx bench/central-ab.ts --base DIR [--count 20000] [--batch 500]
 * DIR is another checkout of the repository (e.g. a worktree of main, with node_modules). Each
 * side gets its own central (temporary SQLite file, WAL + FULL) and the same push bodies, as a
 * console sends them; every batch is decoded, parsed, applied (one transaction) and answered
 * on both sides, in an order that alternates, so load that comes and goes on a busy machine
 * falls on both alike. Figures: process.cpuUsage per application, per side and phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { testPayload } from '../electron/main/services/sync/testing/seed';
import { canonicalJson } from '../shared/sync/canonical-json';
import { sha256Hex } from '../central/op-answers';
import type { OpResult } from '../shared/sync/protocol';
import { arg } from './lib';

const baseDir = arg('base');
if (!baseDir) throw new Error('--base DIR: the checkout to compare with');
const count = Number(arg('count') ?? 20_000);
const batch = Number(arg('batch') ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-ab-'));
const HALL = 'HALL01';
const DEVICE = '0190aaaa-0000-7000-8000-000000000001';

interface Core {
  ledger: { applyBatch(device: object, ops: unknown[]): Promise<OpResult[]> };
}
type CreateCore = (opts: { dbFile: string; keyFile: string }) => Core;

const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Push bodies as the console's pushBodyText writes them (canonical payload text inside). */
function bodies(): Buffer[] {
  const out: Buffer[] = [];
  for (let b = 0; b * batch < count; b++) {
    const ops: string[] = [];
    for (let i = b * batch; i < Math.min(count, (b + 1) * batch); i++) {
      const id = uuidv7();
      const text = canonicalJson(testPayload(id, HALL, 'C01', i));
      ops.push(
        `{"opId":"${uuidv7()}","deviceId":"${DEVICE}","kind":"application.submit",` +
          `"applicationId":"${id}","payload":${text},"payloadHash":"${sha256Hex(text)}"}`,
      );
    }
    out.push(Buffer.from(`{"ops":[${ops.join(',')}]}`));
  }
  return out;
}

class Side {
  readonly phases = new Map<string, number>();
  constructor(
    readonly name: string,
    private readonly core: Core,
  ) {}

  async push(body: Buffer): Promise<number> {
    const device = { deviceId: DEVICE, hallCode: HALL, stationCode: 'C01' };
    let t = cpuUs();
    const parsed = JSON.parse(body.toString('utf8')) as { ops: unknown[] };
    t = this.add('decode+parse', t);
    const results = await this.core.ledger.applyBatch(device, parsed.ops);
    t = this.add('apply', t);
    JSON.stringify({ results });
    this.add('answer', t);
    const refused = results.find((r) => r.status !== 'applied');
    if (refused)
      throw new Error(`${this.name}: not applied: ${refused.reasonCode ?? refused.status}`);
    return parsed.ops.length;
  }

  private add(phase: string, since: number): number {
    const now = cpuUs();
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + now - since);
    return now;
  }

  report(apps: number): string {
    const total = [...this.phases.values()].reduce((a, b) => a + b, 0);
    const parts = [...this.phases].map(([k, v]) => `${k} ${(v / apps).toFixed(1)}`).join(', ');
    return `${this.name} ${(total / apps).toFixed(1)} µs per application (${parts})`;
  }
}

async function coreFrom(checkout: string, file: string): Promise<Core> {
  const url = pathToFileURL(join(resolve(checkout), 'central/server.ts')).href;
  const { createCentralCore } = (await import(url)) as { createCentralCore: CreateCore };
  return createCentralCore({ dbFile: join(dir, file), keyFile: ':ephemeral:' });
}

try {
  const load = loadavg()[0]?.toFixed(2);
  const all = bodies();
  const base = new Side('base', await coreFrom(baseDir, 'base.db'));
  const branch = new Side('branch', await coreFrom('.', 'branch.db'));
  // The first batches warm both sides up (JIT, caches) and are not counted.
  const warm = Math.min(4, all.length - 1);
  let apps = 0;
  for (const [i, body] of all.entries()) {
    if (i === warm) for (const side of [base, branch]) side.phases.clear();
    const order = i % 2 === 0 ? [base, branch] : [branch, base];
    for (const side of order) {
      const n = await side.push(body);
      if (i >= warm) apps += n;
    }
  }
  apps /= 2;
  console.log(`load average at start ${load}; ${apps} applications per side, batches of ${batch}`);
  console.log(base.report(apps));
  console.log(branch.report(apps));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
