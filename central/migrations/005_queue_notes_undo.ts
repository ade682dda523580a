import type { Migration } from '../../server-common/db';

/**
 * Calling panel: the guide's triage note kept with the ticket, and the undo record of a
 * counter's last no-show or transfer (what the row was before, so an undo restores it exactly).
 */
export const migration005QueueNotesUndo: Migration = {
  version: 5,
  name: 'queue_notes_undo',
  up: `
    ALTER TABLE queue_tickets ADD COLUMN note TEXT;           -- guide's triage note, free text
    ALTER TABLE queue_tickets ADD COLUMN undo TEXT;           -- JSON: the row before a no-show/transfer
  `,
};
