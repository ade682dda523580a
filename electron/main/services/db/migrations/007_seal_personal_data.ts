import type { Migration } from '../../../../../server-common/db';
import { cipherOf, storedIdentifiers, type FieldCipher } from '../../crypto';
import { sealFields, sealHistory } from '../../applications/sealing';
import type { Database } from '../openDatabase';
import { sealOutboxPayload, sealOutboxResponse } from '../../sync/outbox-store';
import { SECRET_SYNC_KEYS, syncStateContext } from '../../sync/sync-state';

/**
 * Personal data encrypted at rest (issue 10, item 2): the station's existing rows are sealed in
 * place with the cipher attached to the handle (the runner took a verified backup first, which
 * still holds plain text: docs/security.md says when to delete it).
 * - applications: `fields_json` sealed; `mobile`, `id_number`, `credit_code` become masked, and
 *   their whole-value search moves to blind-index columns (`<col>_bidx`) with their own indexes;
 *   the prefix indexes on the clear values go;
 * - application_history: `changes_json` sealed (the append-only triggers are lifted for the step);
 * - complaints: `mobile`, `id_number` masked with blind indexes (repeat contacts match on those);
 * - outbox: `payload` and `response` sealed (opened just before sending);
 * - sync_state: the device's bearer and refresh tokens sealed.
 * Rows already sealed are left alone, so the step is safe to meet a half-written value.
 */
export const migration007SealPersonalData: Migration = {
  version: 7,
  name: 'seal_personal_data',
  up: `
    ALTER TABLE applications ADD COLUMN mobile_bidx TEXT NOT NULL DEFAULT '';
    ALTER TABLE applications ADD COLUMN id_number_bidx TEXT NOT NULL DEFAULT '';
    ALTER TABLE applications ADD COLUMN credit_code_bidx TEXT NOT NULL DEFAULT '';
    DROP INDEX applications_mobile_search;
    DROP INDEX applications_id_number_search;
    DROP INDEX applications_credit_code_search;
    -- Whole-value search (exact match on the HMAC); created_at keeps newest-first covered.
    CREATE INDEX applications_mobile_bidx ON applications(mobile_bidx, created_at);
    CREATE INDEX applications_id_number_bidx ON applications(id_number_bidx, created_at);
    CREATE INDEX applications_credit_code_bidx ON applications(credit_code_bidx, created_at);

    ALTER TABLE complaints ADD COLUMN mobile_bidx TEXT NOT NULL DEFAULT '';
    ALTER TABLE complaints ADD COLUMN id_number_bidx TEXT NOT NULL DEFAULT '';
    CREATE INDEX complaints_mobile_bidx ON complaints(mobile_bidx);
    CREATE INDEX complaints_id_number_bidx ON complaints(id_number_bidx);
  `,
  data: (db) => sealExisting(db),
};

function sealExisting(db: Database): void {
  const cipher = cipherOf(db);
  sealApplications(db, cipher);
  sealHistoryRows(db, cipher);
  sealComplaintIdentifiers(db, cipher);
  sealOutbox(db, cipher);
  sealSyncSecrets(db, cipher);
}

function sealOutbox(db: Database, cipher: FieldCipher): void {
  const rows = db.prepare('SELECT seq, payload, response FROM outbox').all() as {
    seq: number;
    payload: string;
    response: string | null;
  }[];
  const write = db.prepare('UPDATE outbox SET payload = ?, response = ? WHERE seq = ?');
  for (const row of rows) {
    if (cipher.isSealed(row.payload)) continue;
    write.run(
      sealOutboxPayload(cipher, row.payload),
      sealOutboxResponse(cipher, row.response),
      row.seq,
    );
  }
}

function sealSyncSecrets(db: Database, cipher: FieldCipher): void {
  const read = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
  const write = db.prepare('UPDATE sync_state SET value = ? WHERE key = ?');
  for (const key of SECRET_SYNC_KEYS) {
    const value = read.get(key) as string | undefined;
    if (value === undefined || cipher.isSealed(value)) continue;
    write.run(cipher.seal(value, syncStateContext(key)), key);
  }
}

function sealApplications(db: Database, cipher: FieldCipher): void {
  const rows = db
    .prepare('SELECT id, mobile, id_number, credit_code, fields_json FROM applications')
    .all() as {
    id: string;
    mobile: string;
    id_number: string;
    credit_code: string;
    fields_json: string;
  }[];
  const write = db.prepare(`
    UPDATE applications SET fields_json = @fields_json, mobile = @mobile, id_number = @id_number,
      credit_code = @credit_code, mobile_bidx = @mobile_bidx, id_number_bidx = @id_number_bidx,
      credit_code_bidx = @credit_code_bidx
    WHERE id = @id`);
  for (const row of rows) {
    if (cipher.isSealed(row.fields_json)) continue;
    write.run({
      id: row.id,
      ...storedIdentifiers(cipher, row),
      fields_json: sealFields(cipher, row.fields_json),
    });
  }
}

function sealHistoryRows(db: Database, cipher: FieldCipher): void {
  const rows = db.prepare('SELECT id, changes_json FROM application_history').all() as {
    id: number;
    changes_json: string;
  }[];
  db.exec('DROP TRIGGER application_history_no_update');
  const write = db.prepare('UPDATE application_history SET changes_json = ? WHERE id = ?');
  for (const row of rows) {
    if (!cipher.isSealed(row.changes_json)) {
      write.run(sealHistory(cipher, row.changes_json), row.id);
    }
  }
  db.exec(`CREATE TRIGGER application_history_no_update BEFORE UPDATE ON application_history
      BEGIN SELECT RAISE(ABORT, 'application_history is append-only'); END;`);
}

function sealComplaintIdentifiers(db: Database, cipher: FieldCipher): void {
  const rows = db
    .prepare(
      "SELECT id, mobile, id_number FROM complaints WHERE mobile_bidx = '' AND id_number_bidx = ''",
    )
    .all() as { id: string; mobile: string; id_number: string }[];
  const write = db.prepare(`
    UPDATE complaints SET mobile = @mobile, id_number = @id_number, mobile_bidx = @mobile_bidx,
      id_number_bidx = @id_number_bidx
    WHERE id = @id`);
  for (const row of rows) {
    const s = storedIdentifiers(cipher, { ...row, credit_code: '' });
    write.run({
      id: row.id,
      mobile: s.mobile,
      id_number: s.id_number,
      mobile_bidx: s.mobile_bidx,
      id_number_bidx: s.id_number_bidx,
    });
  }
}
