import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MIGRATIONS } from '../../electron/main/services/db/migrations';
import type { TableOwnership } from '../../electron/main/services/db/table-owners';

/** Every table the console's migrations create. */
export function migrationTables(): string[] {
  const names = new Set<string>();
  for (const m of MIGRATIONS) {
    for (const match of m.up.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names].sort();
}

/** Source files of the services, without tests, test support and migrations. */
export function serviceSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'testing' && name !== 'migrations') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        out.push(path);
      }
    }
  };
  walk(root);
  return out.sort();
}

export interface Breach {
  file: string;
  table: string;
  kind: 'write' | 'read';
}

const WRITE = (t: string) =>
  new RegExp(`\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+${t}\\b`, 'i');
const READ = (t: string) => new RegExp(`\\b(?:FROM|JOIN)\\s+${t}\\b`, 'i');
// groupSql-style templates name the table through a variable: `FROM ${table}` with the table
// name as a string literal nearby counts as naming it.
const TEMPLATE_READ = /\b(?:FROM|JOIN)\s+\$\{\w+\}/i;

/**
 * The places where `source` (a file at `file`, relative to the services root, '/'-separated)
 * names a table it does not own in SQL: a write anywhere but the owner, or a read anywhere
 * but the owner and its declared readers.
 */
export function breaches(
  file: string,
  source: string,
  owners: Readonly<Record<string, TableOwnership>>,
): Breach[] {
  const found: Breach[] = [];
  for (const [table, own] of Object.entries(owners)) {
    if (file === own.owner) continue;
    if (WRITE(table).test(source)) {
      found.push({ file, table, kind: 'write' });
      continue;
    }
    const readsIt =
      READ(table).test(source) ||
      (TEMPLATE_READ.test(source) && new RegExp(`['"\`]${table}['"\`]`).test(source));
    if (readsIt && !(own.readers ?? []).includes(file)) found.push({ file, table, kind: 'read' });
  }
  return found;
}

export const toKey = (root: string, path: string): string =>
  relative(root, path).split(sep).join('/');

export const readSource = (path: string): string => readFileSync(path, 'utf8');
