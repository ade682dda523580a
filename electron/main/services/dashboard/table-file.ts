/** A table ready to be written: headings in the chosen language, cells already masked. */
export interface ReportTable {
  name: string;
  headings: string[];
  rows: (string | number | null)[][];
}

/**
 * Spreadsheet programs run a cell starting with = + - @ (and tab / CR) as a formula (CSV
 * injection). Such text cells get a leading apostrophe, which Excel shows as plain text.
 * Numbers stay numbers: a negative count is not an attack.
 */
export function guardCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV, CRLF line ends, with a UTF-8 byte order mark so Excel reads Chinese. */
export function toCsv(t: ReportTable): Buffer {
  const lines = [t.headings, ...t.rows].map((row) => row.map((c) => quote(guardCell(c))).join(','));
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'),
  ]);
}

/** One worksheet, bold headings, frozen header row. Text is written as text, never formulas. */
export async function toXlsx(t: ReportTable): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs alone took ~0.5-1.3 s to import, before
  // the web host could listen.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '营业厅服务台';
  // Worksheet names: at most 31 characters, none of : \ / ? * [ ].
  const ws = wb.addWorksheet(t.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1');
  ws.addRow(t.headings).font = { bold: true };
  for (const row of t.rows) ws.addRow(row.map((c) => (c === null ? '' : c)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((col, i) => {
    const longest = Math.max(
      ...[t.headings[i] ?? '', ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length),
    );
    col.width = Math.min(Math.max(10, longest * 1.6), 60);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
