import type pg from 'pg';
import { CENTRAL_PG_MIGRATIONS } from '../migrations/postgres';

/**
 * Brings a PostgreSQL database up to central's schema: the missing versions in one
 * transaction (DDL is transactional in PostgreSQL), each recorded in central_schema_migrations. Central processes starting together wait
 * on the table lock, so each step runs once. A database newer than this build is refused, as
 * the SQLite runner refuses a newer file.
 */
/**
 * Two processes creating the table at once: the loser gets a duplicate (23505, 42P07) or, when
 * the catalogue row is being written by the other, "tuple concurrently updated" (XX000). Once
 * the winner has committed the statement is a no-op, so it is tried again.
 */
async function createMigrationsTable(client: pg.PoolClient): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS central_schema_migrations (
           version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
      );
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (attempt >= 5 || !['23505', '42P07', 'XX000'].includes(code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

export async function migratePostgres(client: pg.PoolClient): Promise<number> {
  await createMigrationsTable(client);
  const known = CENTRAL_PG_MIGRATIONS.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('LOCK TABLE central_schema_migrations IN SHARE ROW EXCLUSIVE MODE');
    const res = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM central_schema_migrations',
    );
    const current = res.rows[0]?.v ?? 0;
    if (current > known) {
      throw new Error(
        `中心数据库的版本 (${current}) 比本程序新 (${known})，请升级中心系统 / the central database is at schema ${current}, newer than this build (${known}): upgrade central`,
      );
    }
    for (const m of CENTRAL_PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.up);
      await client.query(
        'INSERT INTO central_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [m.version, m.name, Date.now()],
      );
    }
    await client.query('COMMIT');
    return known;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
