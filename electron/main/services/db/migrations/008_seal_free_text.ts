import type { Migration } from '../../../../../server-common/db';
import { cipherOf, type FieldCipher } from '../../crypto';
import type { Database } from '../openDatabase';
import { sealAnswer, sealContent, sealNote } from '../../complaints/sealing';
import { CHECKLIST_NOTE_CONTEXT } from '../../queue/checklists';
import { RESOLUTION_REASON_CONTEXT } from '../../sync/actions';
import { errorNote } from '../../sync/error-note';

/**
 * Free text sealed at rest (issue 10, the rest of item 2), in place, with the cipher attached to
 * the handle (the runner took a verified backup first; like 007's, it still holds plain text):
 * - complaints: `content` and `answer`; complaint_events: `note` (append-only: the trigger is
 *   lifted for the step and put back);
 * - guide_checklists: `note`;
 * - sync_resolutions: `reason` (the supervisor's words when discarding a dead letter);
 * - outbox: `last_error` cut to codes (it is listed without decrypting; sync/error-note.ts).
 * Empty text stays '' and values already sealed are left alone, so the step is safe to meet a
 * half-written database. No schema change: the columns keep their names and types.
 */
export const migration008SealFreeText: Migration = {
  version: 8,
  name: 'seal_free_text',
  up: 'SELECT 1',
  data: (db) => sealExisting(db),
};

interface TextRow {
  k: string | number;
  v: string | null;
}

/** Seals every plain, non-empty value of one column, row by row. */
function sealColumn(
  db: Database,
  cipher: FieldCipher,
  target: { table: string; column: string; rowKey: string },
  seal: (plain: string) => string,
): void {
  const { table, column, rowKey } = target;
  const rows = db
    .prepare(`SELECT ${rowKey} AS k, ${column} AS v FROM ${table} WHERE ${column} <> ''`)
    .all() as TextRow[];
  const write = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${rowKey} = ?`);
  for (const row of rows) {
    if (row.v === null || cipher.isSealed(row.v)) continue;
    write.run(seal(row.v), row.k);
  }
}

function sealExisting(db: Database): void {
  const cipher = cipherOf(db);
  const on = (table: string, column: string, rowKey = 'id') => ({ table, column, rowKey });
  sealColumn(db, cipher, on('complaints', 'content'), (v) => sealContent(cipher, v));
  sealColumn(db, cipher, on('complaints', 'answer'), (v) => sealAnswer(cipher, v));
  db.exec('DROP TRIGGER complaint_events_no_update');
  sealColumn(db, cipher, on('complaint_events', 'note'), (v) => sealNote(cipher, v));
  db.exec(`CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;`);
  sealColumn(db, cipher, on('guide_checklists', 'note'), (v) =>
    cipher.seal(v, CHECKLIST_NOTE_CONTEXT),
  );
  sealColumn(db, cipher, on('sync_resolutions', 'reason'), (v) =>
    cipher.seal(v, RESOLUTION_REASON_CONTEXT),
  );
  const errors = db
    .prepare('SELECT seq, last_error FROM outbox WHERE last_error IS NOT NULL')
    .all() as { seq: number; last_error: string }[];
  const cut = db.prepare('UPDATE outbox SET last_error = ? WHERE seq = ?');
  for (const row of errors) {
    const note = errorNote(row.last_error);
    if (note !== row.last_error) cut.run(note, row.seq);
  }
}
