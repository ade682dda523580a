import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../005_queue_notes_undo.ts (the same statements). */
export const pgMigration005QueueNotesUndo: PostgresMigration = {
  version: 5,
  name: 'queue_notes_undo',
  up: `
    ALTER TABLE queue_tickets ADD COLUMN note TEXT;
    ALTER TABLE queue_tickets ADD COLUMN undo TEXT;
  `,
};
