import type { RepeatInfo, RepeatRow } from '../../../../shared/api/methods/complaints';
import { repeatLevel, type ServiceRuleSet } from '../../../../shared/service-rules';
import { toHallIso } from '../../../../shared/hall-time';
import { prepared, type Database } from '../db';

const DAY_MS = 86_400_000;
/** Identifiers compared with `=`: an empty one must match nothing, so it becomes NULL. */
const orNull = (s: string): string | null => (s === '' ? null : s);

/** Blind indexes of the customer's identifiers ('' when not known): never the values. */
export interface CustomerKeys {
  idNumber: string;
  creditCode: string;
  mobile: string;
}

/**
 * Repeat contacts: the same customer (ID number, credit code or phone) on the same matter
 * within the rule set's window. For applications the matter is the business family (新装,
 * 增容, 变更), for complaints the subject. Applications and complaints are never mixed: a
 * complaint about a connection is not a second application.
 */
export function createRepeatFinder(db: Database) {
  const appContacts = prepared(
    db,
    `SELECT id, app_no AS no, accepted_at AS at FROM applications
     WHERE (id_number_bidx = @id OR credit_code_bidx = @cc OR mobile_bidx = @mobile)
       AND family = @matter AND accepted_at IS NOT NULL
       AND accepted_at >= @from AND accepted_at <= @to
     ORDER BY accepted_at DESC, id DESC`,
  );
  const complaintContacts = prepared(
    db,
    `SELECT id, complaint_no AS no, taken_at AS at FROM complaints
     WHERE (id_number_bidx = @id OR mobile_bidx = @mobile) AND subject = @matter
       AND taken_at >= @from AND taken_at <= @to
     ORDER BY taken_at DESC, id DESC`,
  );

  interface Contact {
    id: string;
    no: string | null;
    at: number;
  }

  /** Contacts up to and including `at` (the one being looked at counts itself). */
  function contacts(
    kind: 'application' | 'complaint',
    keys: CustomerKeys,
    matter: string,
    at: number,
    windowDays: number,
  ) {
    const params = {
      id: orNull(keys.idNumber),
      cc: orNull(keys.creditCode),
      mobile: orNull(keys.mobile),
      matter,
      from: at - windowDays * DAY_MS,
      to: at,
    };
    return (kind === 'application' ? appContacts : complaintContacts).all(params) as Contact[];
  }

  function info(
    kind: 'application' | 'complaint',
    selfId: string | null,
    keys: CustomerKeys,
    matter: string,
    at: number,
    set: ServiceRuleSet,
  ): RepeatInfo {
    const found = contacts(kind, keys, matter, at, set.repeat.windowDays);
    const others = found.filter((c) => c.id !== selfId);
    const count = others.length + 1;
    return {
      count,
      level: repeatLevel(set, count),
      windowDays: set.repeat.windowDays,
      others: others
        .slice(0, 20)
        .map((c) => ({ kind, id: c.id, no: c.no ?? '', at: toHallIso(c.at) })),
    };
  }

  interface GroupRow {
    key: string;
    shown: string;
    name: string;
    matter: string;
    n: number;
    last_at: number;
    last_id: string;
    last_no: string | null;
  }

  // One statement per identifier, grouped by its blind index (the masked copy is what is shown);
  // the newest contact of each group comes from a correlated subquery on the same group
  // (SQLite's bare-column-with-max rule would do, but is obscure).
  const groupSql = (table: 'applications' | 'complaints', masked: string) => {
    const col = `${masked}_bidx`;
    const at = table === 'applications' ? 'accepted_at' : 'taken_at';
    const matter = table === 'applications' ? 'family' : 'subject';
    const name = table === 'applications' ? 'applicant_name' : 'customer_name';
    const no = table === 'applications' ? 'app_no' : 'complaint_no';
    return `SELECT g.key, g.shown, g.matter, g.n, g.last_at,
        (SELECT t.id FROM ${table} t WHERE t.${col} = g.key AND t.${matter} = g.matter AND t.${at} = g.last_at ORDER BY t.id DESC LIMIT 1) AS last_id,
        (SELECT t.${no} FROM ${table} t WHERE t.${col} = g.key AND t.${matter} = g.matter AND t.${at} = g.last_at ORDER BY t.id DESC LIMIT 1) AS last_no,
        (SELECT t.${name} FROM ${table} t WHERE t.${col} = g.key AND t.${matter} = g.matter AND t.${at} = g.last_at ORDER BY t.id DESC LIMIT 1) AS name
      FROM (SELECT ${col} AS key, max(${masked}) AS shown, ${matter} AS matter, count(*) AS n, max(${at}) AS last_at
            FROM ${table} WHERE ${col} <> '' AND ${at} IS NOT NULL AND ${at} >= @from AND ${at} <= @to
            GROUP BY ${col}, ${matter} HAVING count(*) >= @min) g`;
  };
  const groups = [
    {
      kind: 'application',
      by: 'id',
      stmt: prepared(db, groupSql('applications', 'id_number')),
    },
    {
      kind: 'application',
      by: 'id',
      stmt: prepared(db, groupSql('applications', 'credit_code')),
    },
    {
      kind: 'application',
      by: 'phone',
      stmt: prepared(db, groupSql('applications', 'mobile')),
    },
    {
      kind: 'complaint',
      by: 'id',
      stmt: prepared(db, groupSql('complaints', 'id_number')),
    },
    {
      kind: 'complaint',
      by: 'phone',
      stmt: prepared(db, groupSql('complaints', 'mobile')),
    },
  ] as const;

  /**
   * Customers with at least `min` contacts on one matter in the window ending `now`. A customer
   * known by both ID and phone may appear once per identifier: the list says which one matched.
   */
  function list(now: number, set: ServiceRuleSet, min: number): RepeatRow[] {
    const params = { from: now - set.repeat.windowDays * DAY_MS, to: now, min };
    const rows: RepeatRow[] = [];
    for (const g of groups) {
      for (const r of g.stmt.all(params) as GroupRow[]) {
        rows.push({
          by: g.by,
          customerMasked: r.shown,
          customerName: r.name,
          kind: g.kind,
          matter: r.matter,
          count: r.n,
          level: repeatLevel(set, r.n),
          lastAt: toHallIso(r.last_at),
          lastId: r.last_id,
          lastNo: r.last_no ?? '',
        });
      }
    }
    return rows.sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
  }

  return { info, list, contacts };
}

export type RepeatFinder = ReturnType<typeof createRepeatFinder>;
