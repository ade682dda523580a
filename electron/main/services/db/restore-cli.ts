import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { listBackups } from './backup-files';
import { identityOfFile, restoreDatabase, RestoreRefusedError } from './restore';
import type { StationIdentity } from './station-identity';

const USAGE = `用法 / usage: npm run restore -- --db FILE (--from BACKUP | --list)
  [--hall HALL01 --station C01] [--force]
Stop the console first. / 请先关闭营业厅服务台。`;

/**
 * The restore command for the hall's IT staff, with the console stopped. Returns the exit code
 * and the lines to print (a function, so the tests run it without a child process).
 */
export function runRestoreCli(argv: string[]): { code: number; lines: string[] } {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        from: { type: 'string' },
        list: { type: 'boolean', default: false },
        hall: { type: 'string' },
        station: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    }).values;
  } catch {
    return { code: 2, lines: [USAGE] };
  }
  if (!values.db || (!values.from && !values.list)) return { code: 2, lines: [USAGE] };
  const dbFile = resolve(values.db);

  if (values.list) {
    const backups = listBackups(join(dirname(dbFile), 'backups'), basename(dbFile));
    if (backups.length === 0) return { code: 0, lines: ['没有备份 / no backups'] };
    return {
      code: 0,
      lines: backups.map((b) => `${b.path}  ${b.at.toISOString()}  v${b.schemaVersion}  ${b.kind}`),
    };
  }

  if (existsSync(`${dbFile}-wal`) && !values.force) {
    return {
      code: 1,
      lines: [
        '数据库似乎仍在使用（存在 -wal 文件）：请先关闭营业厅服务台；若已关闭（例如异常退出后），加 --force。',
        'The database seems to be in use (a -wal file exists): stop the console first; if it is stopped (e.g. after a crash), add --force.',
      ],
    };
  }
  if ((values.hall === undefined) !== (values.station === undefined)) {
    return { code: 2, lines: ['--hall 与 --station 须同时给出 / give both --hall and --station'] };
  }
  const expected: StationIdentity | null =
    values.hall !== undefined && values.station !== undefined
      ? { hallCode: values.hall, stationCode: values.station }
      : identityOfFile(dbFile);
  try {
    const result = restoreDatabase(dbFile, resolve(values.from as string), expected);
    const whose = result.identity
      ? `${result.identity.hallCode}/${result.identity.stationCode}`
      : '?';
    return {
      code: 0,
      lines: [
        `已恢复 ${basename(values.from as string)}（工位 ${whose}，数据库版本 ${result.schemaVersion}）。`,
        `Restored ${basename(values.from as string)} (station ${whose}, schema version ${result.schemaVersion}).`,
        ...(result.replacedFile
          ? [`原数据库保留为 / the replaced database is kept as: ${result.replacedFile}`]
          : []),
      ],
    };
  } catch (err) {
    if (err instanceof RestoreRefusedError) return { code: 1, lines: [err.text.zh, err.text.en] };
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { code, lines } = runRestoreCli(process.argv.slice(2));
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}
