import type { LocalizedText } from '../../shared/text';

/**
 * Why a database could not be opened. The console's shell shows `text` to the supervisor; the
 * message names files and versions only, never data from inside the database.
 */
export class DatabaseOpenError extends Error {
  readonly text: LocalizedText;
  constructor(text: LocalizedText, options?: { cause?: unknown }) {
    super(`${text.en} / ${text.zh}`, options);
    this.name = 'DatabaseOpenError';
    this.text = text;
  }
}

/** Which program a database belongs to, as the error texts name it. */
export const CONSOLE_PRODUCT: LocalizedText = { zh: '营业厅服务台', en: 'console' };

/** The file was written by a newer version of the program: opening it could lose data. */
export class DatabaseTooNewError extends DatabaseOpenError {
  readonly fileVersion: number;
  readonly codeVersion: number;
  constructor(fileVersion: number, codeVersion: number, product: LocalizedText = CONSOLE_PRODUCT) {
    super({
      zh: `本地数据库的版本（${fileVersion}）比本程序支持的版本（${codeVersion}）新，请升级${product.zh}后再打开。`,
      en: `The local database is at schema version ${fileVersion}, newer than this ${product.en} supports (${codeVersion}). Upgrade the ${product.en} before opening it.`,
    });
    this.name = 'DatabaseTooNewError';
    this.fileVersion = fileVersion;
    this.codeVersion = codeVersion;
  }
}

/** quick_check failed, or the file is not an SQLite database at all. */
export class DatabaseCorruptError extends DatabaseOpenError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      {
        zh: `本地数据库文件已损坏（${detail}），已拒绝打开。请联系管理员从备份恢复。`,
        en: `The local database file is damaged (${detail}) and was not opened. Ask support to restore it from a backup.`,
      },
      options,
    );
    this.name = 'DatabaseCorruptError';
  }
}

/** The pre-migration backup could not be written or did not verify: nothing was migrated. */
export class BackupFailedError extends DatabaseOpenError {
  /** Which step failed (a code for logs: never data from inside the database). */
  readonly detail: string;
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      {
        zh: `升级前的数据库备份失败（${detail}），未做任何升级。请检查磁盘空间后重试。`,
        en: `The backup before the schema upgrade failed (${detail}); nothing was upgraded. Check the free disk space and retry.`,
      },
      options,
    );
    this.name = 'BackupFailedError';
    this.detail = detail;
  }
}
