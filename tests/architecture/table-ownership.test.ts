import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../../electron/main/services/db/table-owners';
import { breaches, migrationTables, readSource, serviceSources, toKey } from './table-ownership';

const ROOT = join(__dirname, '../../electron/main/services');

describe('one owner per table (electron/main/services)', () => {
  it('every table the migrations create has an owner file that exists', () => {
    const tables = migrationTables();
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => !tables.includes(t))).toEqual([]);
    const owners = Object.values(TABLE_OWNERS).flatMap((o) => [o.owner, ...(o.readers ?? [])]);
    expect(owners.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it('no source file outside the owner names a table in SQL', () => {
    const files = serviceSources(ROOT);
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) => breaches(toKey(ROOT, f), readSource(f), TABLE_OWNERS));
    expect(found).toEqual([]);
  });

  it('each owner really holds SQL on its table (the map is not stale)', () => {
    const idle = Object.entries(TABLE_OWNERS).filter(
      ([table, own]) =>
        !new RegExp(`\\b(?:INTO|UPDATE|FROM|JOIN)\\s+${table}\\b`, 'i').test(
          readSource(join(ROOT, own.owner)),
        ),
    );
    expect(idle.map(([t]) => t)).toEqual([]);
  });

  it('catches an offending source: a write and a read from a foreign file', () => {
    const fake = `
      const a = db.prepare('UPDATE applications SET central_no = ? WHERE id = ?');
      const b = db.prepare('SELECT state FROM outbox WHERE seq = ?');`;
    expect(breaches('sync/somewhere.ts', fake, TABLE_OWNERS)).toEqual([
      { file: 'sync/somewhere.ts', table: 'applications', kind: 'write' },
      { file: 'sync/somewhere.ts', table: 'outbox', kind: 'read' },
    ]);
  });

  it('a declared reader may read but never write', () => {
    const read =
      'SELECT count(*) FROM applications a JOIN sync_mirror m ON m.application_id = a.id';
    expect(breaches('dashboard/figures.ts', read, TABLE_OWNERS)).toEqual([]);
    const write = "UPDATE applications SET state = 'queued'";
    expect(breaches('dashboard/figures.ts', write, TABLE_OWNERS)).toEqual([
      { file: 'dashboard/figures.ts', table: 'applications', kind: 'write' },
    ]);
  });

  it('a table named through a template counts as named', () => {
    const fake = "const sql = (t) => `SELECT * FROM ${t}`; sql('outbox');";
    expect(breaches('queue/x.ts', fake, TABLE_OWNERS)).toEqual([
      { file: 'queue/x.ts', table: 'outbox', kind: 'read' },
    ]);
  });

  it('statements are prepared one way: through prepared() (db/statements.ts)', () => {
    // The backup's VACUUM INTO and the migration runner's one-off checks are not worth caching.
    const allowed = ['db/statements.ts', 'db/backup.ts', 'db/migrate.ts'];
    const direct = serviceSources(ROOT)
      .map((f) => toKey(ROOT, f))
      .filter((f) => !allowed.includes(f) && /\.prepare\s*[<(]/.test(readSource(join(ROOT, f))));
    expect(direct).toEqual([]);
  });
});
