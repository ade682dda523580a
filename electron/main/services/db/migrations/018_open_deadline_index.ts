import type { Migration } from '../../../../../server-common/db';

/**
 * The deadline index holds open work only. Every query ordering or filtering by deadline_at
 * (the list's 按到期排序 and 红橙黄 filter, the dashboard's warnings and overdue list) leaves
 * finished (archived) applications out, and in a hall's history most rows are archived: with a
 * full index those queries walked past them all. The condition is written exactly as the
 * queries write it (search.ts OPEN_ONLY_SQL, which the dashboard uses too), so SQLite uses the index.
 * Self-contained: nothing here touches another table.
 */
export const migration018OpenDeadlineIndex: Migration = {
  version: 18,
  name: 'open_deadline_index',
  up: `
    DROP INDEX applications_deadline;
    CREATE INDEX applications_deadline ON applications(deadline_at)
      WHERE (central_stage IS NULL OR central_stage <> 'ARCHIVE');
  `,
};
