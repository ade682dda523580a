/**
 * Search latency at scale: p50/p95 of the list query (first page of 100, rows mapped for the
 * screen) per kind of query, by phone, name, name in pinyin (initials, full, surname only), ID
 * number and 户号, on a real file seeded with 100,000 and 1,000,000 applications (override with
 * --rows 20000,200000). Each kind runs --queries queries drawn from seeded rows.
 *   npx tsx bench/search.ts [--rows 100000,1000000] [--queries 300]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listApplications } from '../electron/main/services/applications/search';
import { toSummary } from '../electron/main/services/applications/present';
import { openDatabase } from '../electron/main/services/db';
import { rng } from '../electron/main/services/testing/fixtures';
import { seedApplications, type SeededRow } from '../electron/main/services/testing/seed';
import { namePinyin } from '../electron/main/services/applications/name-pinyin';
import { arg, ms, now, quantile } from './lib';

/** The surname's syllable alone ("zhang" of zhangwei), as a clerk starts typing it. */
const pinyinSurname = (r: SeededRow): string => namePinyin([...r.applicant_name][0] ?? '').full;

const sizes = (arg('rows') ?? '100000,1000000').split(',').map(Number);
const queries = Number(arg('queries') ?? 300);

type Shape = { name: string; q: (row: SeededRow) => string };
const SHAPES: Shape[] = [
  { name: 'phone, full 11 digits', q: (r) => r.mobile },
  { name: 'phone, first 7 digits', q: (r) => r.mobile.slice(0, 7) },
  { name: 'name, full', q: (r) => r.applicant_name },
  { name: 'name, surname + 1 char', q: (r) => r.applicant_name.slice(0, 2) },
  { name: 'name, surname only', q: (r) => r.applicant_name.slice(0, 1) },
  { name: 'pinyin initials, full', q: (r) => r.name_initials },
  { name: 'pinyin initials, first 2', q: (r) => r.name_initials.slice(0, 2) },
  { name: 'pinyin, full', q: (r) => r.name_pinyin },
  { name: 'pinyin, surname only', q: (r) => pinyinSurname(r) },
  { name: 'ID number, full', q: (r) => r.id_number },
  { name: '户号, full', q: (r) => r.account_no },
];

for (const rows of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-search-'));
  const file = join(dir, 'hall.db');
  const db = openDatabase(file, { log: () => undefined });
  db.pragma('cache_size = -262144'); // 256 MiB while seeding; reset before measuring
  const sample: SeededRow[] = [];
  const every = Math.max(1, Math.floor(rows / 5000));
  let t = now();
  seedApplications(db, rows, { seed: 42, stepMs: 30_000 }, (row) => {
    if (sample.length < 5000 && Math.floor(Math.random() * every) === 0) sample.push(row);
  });
  const seedMs = now() - t;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const size = statSync(file).size;
  console.log(
    `\n${rows.toLocaleString('en')} applications seeded in ${(seedMs / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (seedMs / 1000)).toLocaleString('en')} rows/s), file ${(size / 1e6).toFixed(0)} MB`,
  );

  // Reopen as the console would: default cache, same pragmas.
  const live = openDatabase(file, { log: () => undefined });
  const r = rng(7);
  for (const shape of SHAPES) {
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < queries; i++) {
      const row = sample[Math.floor(r() * sample.length)] as SeededRow;
      t = now();
      const page = listApplications(live, { q: shape.q(row), offset: 0, limit: 100 });
      const mapped = page.rows.map(toSummary);
      samples.push(now() - t);
      found += mapped.length;
    }
    console.log(
      `  ${shape.name.padEnd(26)} p50 ${ms(quantile(samples, 0.5)).padStart(10)}  ` +
        `p95 ${ms(quantile(samples, 0.95)).padStart(10)}  max ${ms(Math.max(...samples)).padStart(10)}  ` +
        `avg rows ${(found / queries).toFixed(1)}  over ${queries} queries`,
    );
  }
  const list: number[] = [];
  for (let i = 0; i < queries; i++) {
    t = now();
    listApplications(live, { offset: 0, limit: 100 }).rows.map(toSummary);
    list.push(now() - t);
  }
  console.log(
    `  ${'no query, first page'.padEnd(26)} p50 ${ms(quantile(list, 0.5)).padStart(10)}  p95 ${ms(quantile(list, 0.95)).padStart(10)}`,
  );
  live.close();
  rmSync(dir, { recursive: true, force: true });
}
