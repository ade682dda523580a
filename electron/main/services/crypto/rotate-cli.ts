import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { KeyFileError } from './keys';
import { rotateDataKey, RotationRefusedError } from './rotate';

const USAGE = `用法 / usage: npm run rotate-keys -- --db FILE [--keys FILE] [--force]
Stop the console first. / 请先关闭营业厅服务台。`;

/**
 * The key-rotation command for the hall's IT staff, with the console stopped. Returns the exit
 * code and the lines to print (a function, so the tests run it without a child process).
 * Keys wrapped by the OS key store are rotated from the console itself, not from here.
 */
export function runRotateCli(argv: string[]): { code: number; lines: string[] } {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        keys: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    }).values;
  } catch {
    return { code: 2, lines: [USAGE] };
  }
  if (!values.db) return { code: 2, lines: [USAGE] };
  try {
    const r = rotateDataKey({
      dbFile: resolve(values.db),
      keyFile: values.keys === undefined ? undefined : resolve(values.keys),
      force: values.force,
    });
    return {
      code: 0,
      lines: [
        `已轮换数据密钥：${r.values} 个值改用 ${r.keyId} 封存，旧密钥 ${r.droppedKeyIds.join(',')} 已删除；备份 ${r.backupFile}（其密钥 ${r.keyBackupFile}）。` +
          ` / Data key rotated: ${r.values} values sealed with ${r.keyId}, old keys ${r.droppedKeyIds.join(',')} dropped; backup ${r.backupFile} (its keys: ${r.keyBackupFile}).`,
      ],
    };
  } catch (err) {
    if (err instanceof RotationRefusedError) {
      return { code: 1, lines: [`${err.text.zh} / ${err.text.en}`] };
    }
    if (err instanceof KeyFileError) {
      return { code: 1, lines: [`密钥文件不可用 / ${err.message}`] };
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { code, lines } = runRotateCli(process.argv.slice(2));
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}
