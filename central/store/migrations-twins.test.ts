import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../migrations';
import { CENTRAL_PG_MIGRATIONS } from '../migrations/postgres';
import { PostgresStore } from './postgres-store';
import { numberPlaceholders } from './postgres-store';
import { postgresMissing, startPostgres, type PostgresServer } from '../../tests/support/postgres';

/** Every central migration has a PostgreSQL twin of the same version and name (docs/central-postgres.md). */
describe('central migrations in both dialects', () => {
  it('pairs each SQLite migration with a PostgreSQL twin, version and name alike', () => {
    const sqlite = CENTRAL_MIGRATIONS.map((m) => `${m.version} ${m.name}`);
    const postgres = CENTRAL_PG_MIGRATIONS.map((m) => `${m.version} ${m.name}`);
    expect(postgres).toEqual(sqlite);
  });

  it('numbers ? placeholders outside quoted text', () => {
    expect(numberPlaceholders("SELECT ? AS a, '?' AS b WHERE x = ? AND y = '$.k'")).toBe(
      "SELECT $1 AS a, '?' AS b WHERE x = $2 AND y = '$.k'",
    );
  });
});

const pgMissing = postgresMissing();
if (pgMissing) console.log(`PostgreSQL migrations skipped: ${pgMissing}`);

describe.skipIf(pgMissing)('central migrations on PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres({ settings: { fsync: 'off' } });
  });
  afterAll(() => server.stop());

  it('migrates a fresh database once, also when two processes open it together, and refuses a newer one', async () => {
    const url = await server.freshDatabase();
    const [a, b] = await Promise.all([PostgresStore.open({ url }), PostgresStore.open({ url })]);
    await Promise.all([a.close(), b.close()]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (
        await client.query<{ version: number; name: string }>(
          'SELECT version, name FROM central_schema_migrations ORDER BY version',
        )
      ).rows;
      expect(rows.map((r) => `${r.version} ${r.name}`)).toEqual(
        CENTRAL_PG_MIGRATIONS.map((m) => `${m.version} ${m.name}`),
      );
      await client.query(
        "INSERT INTO central_schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
      );
    } finally {
      await client.end();
    }
    await expect(PostgresStore.open({ url })).rejects.toThrow(/newer than this build/);
  });
});
