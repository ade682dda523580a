/**
 * Bulk rows straight into `applications`, for search tests and benchmarks (not product code):
 * one big transaction, values shaped like real intake (names, phones, IDs, 户号, numbers).
 * `onRow` gets the plain values; the table holds them as the repository would (sealed).
 */
import { v7 as uuidv7 } from 'uuid';
import type { LocalState } from '../../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { cipherOf, storedIdentifiers } from '../crypto';
import { namePinyin } from '../applications/name-pinyin';
import { sealFields } from '../applications/sealing';
import type { Database } from '../db';
import { hallDateCompact } from '../../../../shared/hall-time';
import { fakeAccountNo, fakeIdNumber, fakeMobile, fakeName, rng } from './fixtures';

export interface SeedOptions {
  seed?: number;
  /** created_at of the first row; later rows are newer. */
  startMs?: number;
  /** Average gap between rows (ms); gaps are random, and some rows share a millisecond. */
  stepMs?: number;
  typeCodes?: readonly string[];
  stationCode?: string;
  /** Rows per transaction. */
  batch?: number;
}

export interface SeededRow {
  id: string;
  /** NULL for drafts, as in the product. */
  app_no: string | null;
  type_code: string;
  state: LocalState;
  applicant_name: string;
  /** The name's pinyin keys as the product writes them (initials, full). */
  name_initials: string;
  name_pinyin: string;
  mobile: string;
  id_number: string;
  account_no: string;
  created_at: number;
}

const STATES: readonly LocalState[] = ['draft', 'ready', 'queued', 'sent', 'acknowledged'];

export function seedApplications(
  db: Database,
  count: number,
  opts: SeedOptions = {},
  onRow?: (row: SeededRow) => void,
): void {
  const r = rng(opts.seed ?? 1);
  // Real catalogue codes, so seeded rows open, filter and label like intake's own.
  const types = opts.typeCodes ?? ['NEW_LV_RES', 'INC_LV_BIZ', 'CHG_TRANSFER'];
  const typeInfo = new Map(
    types.map((code) => {
      const type = findType(CATALOGUE, code);
      if (!type) throw new Error(`seedApplications: ${code} is not a catalogue type`);
      return [code, { family: type.family, account_kind: type.accountKinds[0] ?? 'lv_resident' }];
    }),
  );
  const station = opts.stationCode ?? 'S99';
  const step = opts.stepMs ?? 60_000;
  const batch = opts.batch ?? 50_000;
  let at = opts.startMs ?? Date.parse('2024-01-02T08:30:00+08:00');
  const perDay = new Map<string, number>();
  const insert = db.prepare(`
    INSERT INTO applications (id, app_no, type_code, family, account_kind, state, applicant_name,
      name_initials, name_pinyin, mobile, id_number, credit_code, mobile_bidx, id_number_bidx, credit_code_bidx, account_no,
      fields_json, papers_json, catalogue_version, clerk, version, created_at, updated_at,
      accepted_at, deadline_at)
    VALUES (@id, @app_no, @type_code, @family, @account_kind, @state, @applicant_name,
      @name_initials, @name_pinyin, @mobile,
      @id_number, @credit_code, @mobile_bidx, @id_number_bidx, @credit_code_bidx, @account_no,
      @fields_json, '[]', 'seed', 'seed', 1, @created_at, @created_at, @accepted_at,
      @deadline_at)`);
  // Stored as the product stores them: identifiers masked and blind-indexed, fields sealed.
  const cipher = cipherOf(db);
  // Few distinct names: their keys are computed once each, as a bulk load would.
  const keysByName = new Map<string, { name_initials: string; name_pinyin: string }>();
  const pinyinOf = (name: string) => {
    let keys = keysByName.get(name);
    if (!keys) {
      const k = namePinyin(name);
      keys = { name_initials: k.initials, name_pinyin: k.full };
      keysByName.set(name, keys);
    }
    return keys;
  };
  const writeBatch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      at += r() < 0.05 ? 0 : Math.floor(r() * 2 * step); // some ties on purpose
      const state = STATES[Math.floor(r() * STATES.length)] as LocalState;
      const submitted = state !== 'draft' && state !== 'ready';
      const day = hallDateCompact(at);
      const seq = (perDay.get(day) ?? 0) + (submitted ? 1 : 0);
      perDay.set(day, seq);
      const name = fakeName(r);
      const row: SeededRow = {
        id: uuidv7({ msecs: at }),
        app_no: submitted ? `${station}${day}${String(seq).padStart(4, '0')}` : null,
        type_code: types[Math.floor(r() * types.length)] as string,
        state,
        applicant_name: name,
        ...pinyinOf(name),
        mobile: fakeMobile(r),
        id_number: fakeIdNumber(r),
        account_no: fakeAccountNo(r),
        created_at: at,
      };
      insert.run({
        ...row,
        ...storedIdentifiers(cipher, { ...row, credit_code: '' }),
        fields_json: sealFields(cipher, '{}'),
        ...typeInfo.get(row.type_code),
        accepted_at: submitted ? at : null,
        deadline_at: submitted ? at + 7 * 86_400_000 : null,
      });
      onRow?.(row);
    }
  });
  for (let done = 0; done < count; done += batch) writeBatch(Math.min(batch, count - done));
}
