import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The columns of the matrix in docs/security.md: the station roles plus an unsigned caller. */
export const MATRIX_COLUMNS = [
  'unsigned',
  'counter',
  'guide',
  'supervisor',
  'kiosk',
  'display',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export interface DocMatrix {
  /** method → column → allowed, as written in the doc. */
  cells: Map<string, Map<MatrixColumn, boolean>>;
  /** Rows the parser could not read (wrong cell count, a mark other than ✓ or –, a repeat). */
  problems: string[];
}

const HEADING = '### Role × method matrix';

/**
 * Reads the "Role × method matrix" table of docs/security.md: one row per method (a row may name
 * several methods in backticks), ✓ allowed, – refused. The specification the dispatcher is
 * checked against, kept apart from shared/api/permissions.ts on purpose.
 */
export function readDocMatrix(
  file = resolve(import.meta.dirname, '../../docs/security.md'),
): DocMatrix {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(HEADING);
  if (start < 0) return { cells: new Map(), problems: [`no "${HEADING}" section`] };
  const rest = text.slice(start + HEADING.length);
  const end = rest.search(/^#{1,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  const cells: DocMatrix['cells'] = new Map();
  const problems: string[] = [];
  const header = rows[0]
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim());
  if (header?.join(',') !== MATRIX_COLUMNS.join(',')) {
    problems.push(`header should name ${MATRIX_COLUMNS.join(', ')}; it has ${header?.join(', ')}`);
  }
  for (const row of rows.slice(2)) {
    const [first, ...marks] = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const methods = [...(first ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    if (methods.length === 0 || marks.length !== MATRIX_COLUMNS.length) {
      problems.push(`unreadable row: ${row}`);
      continue;
    }
    const byColumn = new Map<MatrixColumn, boolean>();
    marks.forEach((mark, i) => {
      if (mark !== '✓' && mark !== '–') problems.push(`${first}: "${mark}" is neither ✓ nor –`);
      byColumn.set(MATRIX_COLUMNS[i]!, mark === '✓');
    });
    for (const method of methods) {
      if (cells.has(method)) problems.push(`${method} has two rows`);
      cells.set(method, byColumn);
    }
  }
  return { cells, problems };
}
