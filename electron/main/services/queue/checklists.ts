import { v7 as uuidv7 } from 'uuid';
import { lazyCipherOf, type FieldCipher } from '../crypto';
import { prepared, type Database } from '../db';
import { apiError } from '../../../../shared/api/errors';
import type { Checklist, ChecklistInput } from '../../../../shared/queue/checklist';
import { ChecklistInputSchema, SELF_SERVICE_STEPS } from '../../../../shared/queue/checklist';
import { hallDate, toHallIso } from '../../../../shared/hall-time';

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

/** A guide demo as the customer timeline shows it: no customer description, no note. */
export interface TicketDemo {
  id: string;
  /** Upper case, as tickets are numbered. */
  ticketNumber: string;
  /** The hall day the demo was recorded: ticket numbers start again each day. */
  day: string;
  stepsDone: number;
  stepsTotal: number;
  guide: string;
  at: number;
}

/**
 * The demos recorded under any of these ticket numbers (matched in upper case), for the
 * customer timeline, which joins them to the customer's tickets by number and day.
 */
export function checklistsByTicketNumbers(db: Database) {
  const byNumbers = prepared<[string], Row>(
    db,
    `SELECT * FROM guide_checklists
     WHERE upper(ticket_number) IN (SELECT value FROM json_each(?))
     ORDER BY created_at DESC LIMIT 500`,
  );
  return (numbers: readonly string[]): TicketDemo[] => {
    const wanted = [...new Set(numbers.map((n) => n.toUpperCase()))];
    if (wanted.length === 0) return [];
    return byNumbers.all(JSON.stringify(wanted)).map((r) => {
      const steps = JSON.parse(r.steps_json) as Record<string, boolean>;
      return {
        id: r.id,
        ticketNumber: (r.ticket_number ?? '').toUpperCase(),
        day: hallDate(r.created_at),
        stepsDone: SELF_SERVICE_STEPS.filter((step) => steps[step] === true).length,
        stepsTotal: SELF_SERVICE_STEPS.length,
        guide: r.guide,
        at: r.updated_at,
      };
    });
  };
}
