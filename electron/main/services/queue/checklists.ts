import { v7 as uuidv7 } from 'uuid';
import { lazyCipherOf, type FieldCipher } from '../crypto';
import { prepared, type Database } from '../db';
import { apiError } from '../../../../shared/api/errors';
import type { Checklist, ChecklistInput } from '../../../../shared/queue/checklist';
import { ChecklistInputSchema } from '../../../../shared/queue/checklist';
import { toHallIso } from '../../../../shared/hall-time';

interface Row {
  id: string;
  customer: string;
  ticket_number: string | null;
  steps_json: string;
  note: string;
  guide: string;
  created_at: number;
  updated_at: number;
}

/**
 * The guide's note is free text (a customer may dictate a phone or an address into it): sealed
 * at rest, '' when empty. The recent list shows each note in full (the guide edits from it), so
 * it opens the notes of the page it returns (at most 200, the schema's limit) and no more.
 */
export const CHECKLIST_NOTE_CONTEXT = 'guide_checklists.note';
const sealNote = (cipher: FieldCipher, note: string): string =>
  note === '' ? '' : cipher.seal(note, CHECKLIST_NOTE_CONTEXT);
const openNote = (cipher: FieldCipher, stored: string): string =>
  stored === '' ? '' : cipher.open(stored, CHECKLIST_NOTE_CONTEXT);

const present = (cipher: FieldCipher, r: Row): Checklist => ({
  id: r.id,
  customer: r.customer,
  ticketNumber: r.ticket_number,
  steps: JSON.parse(r.steps_json) as Record<string, boolean>,
  note: openNote(cipher, r.note),
  guide: r.guide,
  createdAt: toHallIso(r.created_at),
  updatedAt: toHallIso(r.updated_at),
});

/** The guide's self-service demo checklist, one record per customer shown the app. */
export function createChecklists(db: Database, now: () => number) {
  const cipher = lazyCipherOf(db);
  const byId = prepared<[string], Row>(db, 'SELECT * FROM guide_checklists WHERE id = ?');
  const recent = prepared<[number], Row>(
    db,
    'SELECT * FROM guide_checklists ORDER BY updated_at DESC, id DESC LIMIT ?',
  );
  const insert = prepared(
    db,
    `INSERT INTO guide_checklists (id, customer, ticket_number, steps_json, note, guide,
       created_at, updated_at) VALUES (@id, @customer, @ticket_number, @steps_json, @note,
       @guide, @created_at, @updated_at)`,
  );
  const update = prepared(
    db,
    `UPDATE guide_checklists SET customer = @customer, ticket_number = @ticket_number,
       steps_json = @steps_json, note = @note, guide = @guide, updated_at = @updated_at
     WHERE id = @id`,
  );

  return {
    save(raw: ChecklistInput, guide: string): Checklist {
      const input = ChecklistInputSchema.parse(raw);
      const at = now();
      const values = {
        customer: input.customer,
        ticket_number: input.ticketNumber || null,
        steps_json: JSON.stringify(input.steps),
        note: sealNote(cipher, input.note),
        guide,
        updated_at: at,
      };
      return db.transaction(() => {
        if (input.id) {
          if (!byId.get(input.id)) {
            throw apiError('NOT_FOUND', '没有该记录', 'No such checklist', { field: 'id' });
          }
          update.run({ ...values, id: input.id });
          return present(cipher, byId.get(input.id) as Row);
        }
        const id = uuidv7();
        insert.run({ ...values, id, created_at: at });
        return present(cipher, byId.get(id) as Row);
      })();
    },
    list: (limit: number): Checklist[] => recent.all(limit).map((r) => present(cipher, r)),
  };
}
