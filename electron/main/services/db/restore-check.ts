import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { LocalizedText } from '../../../../shared/text';
import { LATEST_VERSION } from './migrations';
import {
  isOurDatabase,
  numberingStations,
  readIdentity,
  type StationIdentity,
} from './station-identity';

export type RestoreRefusal = 'missing' | 'corrupt' | 'foreign' | 'otherStation' | 'tooNew';

/** Why a file was not restored; the current database was not touched. Texts name no data. */
export class RestoreRefusedError extends Error {
  readonly reason: RestoreRefusal;
  readonly text: LocalizedText;
  constructor(reason: RestoreRefusal, text: LocalizedText) {
    super(`${text.en} / ${text.zh}`);
    this.name = 'RestoreRefusedError';
    this.reason = reason;
    this.text = text;
  }
}

const UNTOUCHED = { zh: '当前数据库未改动。', en: 'The current database is unchanged.' };

function refuse(reason: RestoreRefusal, zh: string, en: string): RestoreRefusedError {
  return new RestoreRefusedError(reason, {
    zh: `${zh}${UNTOUCHED.zh}`,
    en: `${en} ${UNTOUCHED.en}`,
  });
}

const label = (id: StationIdentity): string => `${id.hallCode}/${id.stationCode}`;

export interface BackupInspection {
  schemaVersion: number;
  /** The station the file belongs to, when it records one. */
  identity: StationIdentity | null;
}

/**
 * Opens `file` read-only and decides whether it may replace this station's database: it must be
 * a sound SQLite file (integrity_check), this app's (application_id or its tables), this
 * station's (recorded identity, else the stations that numbered its applications) and not newer
 * than the code. `expected` null = the station is unknown (a fresh PC): any station's is taken.
 */
export function inspectBackup(
  file: string,
  expected: StationIdentity | null,
  codeVersion: number = LATEST_VERSION,
): BackupInspection {
  const name = basename(file);
  if (!existsSync(file)) {
    throw refuse(
      'missing',
      `备份文件不存在：${name}。`,
      `The backup file does not exist: ${name}.`,
    );
  }
  let db: BetterSqlite3.Database | undefined;
  try {
    let integrity: unknown;
    try {
      db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      integrity = db.pragma('integrity_check', { simple: true });
    } catch {
      integrity = 'unreadable';
    }
    if (integrity !== 'ok' || !db) {
      throw refuse(
        'corrupt',
        `备份文件 ${name} 已损坏，不能用于恢复。`,
        `The backup file ${name} is damaged and cannot be restored.`,
      );
    }
    if (!isOurDatabase(db)) {
      throw refuse(
        'foreign',
        `文件 ${name} 不是营业厅服务台的数据库，已拒绝恢复。`,
        `The file ${name} is not a Service Hall Console database; restore refused.`,
      );
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > codeVersion) {
      throw refuse(
        'tooNew',
        `备份的数据库版本（${schemaVersion}）比本程序支持的版本（${codeVersion}）新，请先升级营业厅服务台。`,
        `The backup is at schema version ${schemaVersion}, newer than this console supports (${codeVersion}); upgrade the console first.`,
      );
    }
    const identity = readIdentity(db);
    if (expected) {
      const stations = identity ? [identity.stationCode] : numberingStations(db);
      const sameHall = !identity || identity.hallCode === expected.hallCode;
      const other = stations.find((s) => s !== expected.stationCode);
      if (!sameHall || other !== undefined) {
        const theirs = identity ? label(identity) : (other ?? '?');
        throw refuse(
          'otherStation',
          `备份属于其他工位（${theirs}），本工位是 ${label(expected)}，已拒绝恢复。`,
          `The backup belongs to another station (${theirs}); this station is ${label(expected)}. Restore refused.`,
        );
      }
    }
    return { schemaVersion, identity };
  } finally {
    db?.close();
  }
}
