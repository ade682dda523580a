import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import { startupRefusal } from '../../../../shared/runtime/startup';
import { testLog } from '../../../../tests/support/test-log';
import { callOk, TEST_COST } from '../auth/testing/services';
import { createServices } from '../createServices';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { holdsSealedValues, MissingKeyFileError } from './missing-key-guard';

const dir = mkdtempSync(join(tmpdir(), 'hall-missing-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (dbFile: string) =>
  createServices({
    dbFile,
    backupDir: join(dir, 'backups'),
    transport: 'http',
    log: testLog,
    auth: { enforce: false, scryptCost: TEST_COST },
  });

describe('a database whose key file is missing', () => {
  it('refuses to start instead of making new keys that could never open its values', async () => {
    const dbFile = join(dir, 'hall.db');
    const services = open(dbFile);
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(31), new Date());
    await callOk(services, 'applications.submit', input);
    services.close();
    expect(holdsSealedValues(dbFile)).toBe(true);

    // The file alone, copied somewhere else (a backup without its keys, a stolen copy).
    const elsewhere = join(dir, 'copy');
    mkdirSync(elsewhere);
    const copy = join(elsewhere, 'hall.db');
    const source = new BetterSqlite3(dbFile, { readonly: true });
    await source.backup(copy);
    source.close();
    let refused: unknown;
    try {
      open(copy).close();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(MissingKeyFileError);
    const line = startupRefusal(refused);
    expect(line).toContain(join(elsewhere, 'hall-keys.json'));
    expect(line).toMatch(/找不到该文件.*missing/);
    // No key file was written: the next start is refused the same way, not "using" wrong keys.
    expect(existsSync(join(elsewhere, 'hall-keys.json'))).toBe(false);
    expect(() => open(copy)).toThrow(MissingKeyFileError);
  });

  it('still makes keys for a new station and for a file that holds nothing sealed', () => {
    const fresh = join(dir, 'fresh', 'hall.db');
    mkdirSync(join(dir, 'fresh'));
    open(fresh).close();
    expect(existsSync(join(dir, 'fresh', 'hall-keys.json'))).toBe(true);

    // The same empty station's file moved without its keys: nothing sealed, so new keys do.
    const moved = join(dir, 'moved');
    mkdirSync(moved);
    copyFileSync(fresh, join(moved, 'hall.db'));
    expect(holdsSealedValues(join(moved, 'hall.db'))).toBe(false);
    open(join(moved, 'hall.db')).close();
    expect(existsSync(join(moved, 'hall-keys.json'))).toBe(true);
  });

  it('is not confused with an unexpected error', () => {
    expect(startupRefusal(new Error('boom'))).toBeNull();
    expect(startupRefusal('text')).toBeNull();
  });
});
