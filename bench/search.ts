/**
 * Search latency at scale: p50/p95 (wall clock, and the CPU time of the process) of the list
 * query (first page of 100, rows mapped for the screen) per kind of query, by phone, name, name
 * in pinyin (initials, full, surname only), ID number, 户号 and application number, on a real
 * file seeded with 100,000 and 1,000,000 applications (override with
 * --rows 20000,200000). Each kind runs --queries queries drawn from seeded rows.
 * --keep DIR seeds each size once into DIR/search-<rows>.db (with the sampled rows beside it)
 * and reuses that file on later runs: a million rows take minutes to seed.
 *   npx tsx bench/search.ts [--rows 100000,1000000] [--queries 300] [--keep DIR]
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { listApplications } from '../electron/main/services/applications/search';
import { toSummary } from '../electron/main/services/applications/present';
import { openDatabase } from '../electron/main/services/db';
import { rng } from '../electron/main/services/testing/fixtures';
import { seedApplications, type SeededRow } from '../electron/main/services/testing/seed';
import { namePinyin } from '../electron/main/services/applications/name-pinyin';
import { hallDateCompact } from '../shared/hall-time';
import { arg, ms, now, quantile } from './lib';

/** The surname's syllable alone ("zhang" of zhangwei), as a clerk starts typing it. */
const pinyinSurname = (r: SeededRow): string => namePinyin([...r.applicant_name][0] ?? '').full;

const sizes = (arg('rows') ?? '100000,1000000').split(',').map(Number);
const queries = Number(arg('queries') ?? 300);
const keep = arg('keep');
// --only pinyin: just the kinds whose name contains it (while working on one of them).
const only = arg('only');

/** A kind of query: the text typed, from a seeded row; offset for a later page. */
type Shape = { name: string; q: (row: SeededRow) => string; offset?: number };
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
  // Station and date: one day's application numbers (drafts have none: the same day's prefix).
  {
    name: '受理编号, one day',
    q: (r) => (r.app_no ?? `S99${hallDateCompact(r.created_at)}`).slice(0, 11),
  },
  { name: 'no query, first page', q: () => '' },
  // Scrolled on: the 11th page of 100.
  { name: 'name, surname only, page 11', q: (r) => r.applicant_name.slice(0, 1), offset: 1000 },
  { name: 'no query, page 11', q: () => '', offset: 1000 },
];

/** Seeds `rows` applications into `file`; returns up to 5,000 of them, drawn at random. */
function seed(file: string, rows: number): SeededRow[] {
  const db = openDatabase(file, { log: () => undefined });
  db.pragma('cache_size = -262144'); // 256 MiB while seeding; reset before measuring
  const sample: SeededRow[] = [];
  const every = Math.max(1, Math.floor(rows / 5000));
  const t = now();
  seedApplications(db, rows, { seed: 42, stepMs: 30_000 }, (row) => {
    if (sample.length < 5000 && Math.floor(Math.random() * every) === 0) sample.push(row);
  });
  const seedMs = now() - t;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(
    `\n${rows.toLocaleString('en')} applications seeded in ${(seedMs / 1000).toFixed(1)} s ` +
      `(${Math.round(rows / (seedMs / 1000)).toLocaleString('en')} rows/s), file ${(statSync(file).size / 1e6).toFixed(0)} MB`,
  );
  return sample;
}

/** A kept file and its sample (synthetic rows only), or a fresh seed written for next time. */
function keptOrSeeded(dir: string, rows: number): { file: string; sample: SeededRow[] } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `search-${rows}.db`);
  const sampleFile = `${file}.sample.json`;
  if (existsSync(file) && existsSync(sampleFile)) {
    console.log(`\n${rows.toLocaleString('en')} applications reused from ${file}`);
    return { file, sample: JSON.parse(readFileSync(sampleFile, 'utf8')) as SeededRow[] };
  }
  rmSync(file, { force: true });
  const sample = seed(file, rows);
  writeFileSync(sampleFile, JSON.stringify(sample));
  return { file, sample };
}

console.log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const rows of sizes) {
  const temp = keep === undefined ? mkdtempSync(join(tmpdir(), 'hall-bench-search-')) : undefined;
  const { file, sample } =
    temp === undefined
      ? keptOrSeeded(keep as string, rows)
      : { file: join(temp, 'hall.db'), sample: [] };
  if (temp !== undefined) sample.push(...seed(file, rows));

  // Reopen as the console would: default cache, same pragmas.
  const live = openDatabase(file, { log: () => undefined });
  const r = rng(7);
  for (const shape of SHAPES.filter((k) => only === undefined || k.name.includes(only))) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    for (let i = 0; i < queries; i++) {
      const row = sample[Math.floor(r() * sample.length)] as SeededRow;
      const filter = { q: shape.q(row), offset: shape.offset ?? 0, limit: 100 };
      const c = process.cpuUsage();
      const t = now();
      const mapped = listApplications(live, filter).rows.map(toSummary);
      wall.push(now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      found += mapped.length;
    }
    console.log(
      `  ${shape.name.padEnd(30)} p50 ${ms(quantile(wall, 0.5)).padStart(9)}  ` +
        `p95 ${ms(quantile(wall, 0.95)).padStart(9)}  max ${ms(Math.max(...wall)).padStart(9)}  ` +
        `cpu p50 ${ms(quantile(cpu, 0.5)).padStart(9)} p95 ${ms(quantile(cpu, 0.95)).padStart(9)}  ` +
        `avg rows ${(found / queries).toFixed(1)}  over ${queries} queries`,
    );
  }
  live.close();
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
}
