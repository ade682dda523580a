import { lazyCipherOf } from '../crypto';
import { immediate, prepared, type Database } from '../db';
import {
  CONTACT_HISTORY_CONTEXT,
  openContact,
  sealContact,
  TAG_REASON_CONTEXT,
  type Contact,
} from './sealing';

/** A customers row as stored (contact sealed; certificate and phone masked + indexed). */
export interface CustomerRow {
  id: string;
  cert_type: string;
  cert_bidx: string;
  cert_masked: string;
  kind: 'person' | 'organisation';
  name: string;
  mobile: string;
  mobile_bidx: string;
  contact: string;
  manager: string | null;
  manager_set_by: string | null;
  manager_set_at: number | null;
  merged_into: string | null;
  created_at: number;
  updated_at: number;
  version: number;
  /** The hall's id for this customer at central, once pulled (migration 012). */
  central_id: string | null;
}

export interface ContactChange {
  id: number;
  at: number;
  actor: string;
  applicationId: string | null;
  action: string;
  changes: Record<string, { from: string; to: string }>;
}

export interface TagRow {
  tag: string;
  reason: string;
  setBy: string;
  setAt: number;
}

export interface TagDefRow {
  code: string;
  label_zh: string;
  label_en: string;
  created_by: string;
  created_at: number;
}

export interface NotificationRow {
  id: number;
  recipient: string;
  kind: string;
  customer_id: string;
  ref: string;
  at: number;
  read_at: number | null;
}

export type NewCustomer = Omit<
  CustomerRow,
  'contact' | 'version' | 'merged_into' | 'central_id'
> & {
  contact: Contact;
  central_id?: string | null;
};

const LIST_LIMIT = 50;

/**
 * The owner of `customers`, `customer_accounts`, `customer_contact_history`, `customer_tags`,
 * `customer_tag_defs` and `customer_notifications`: every statement on them is here. Sealed
 * values are sealed on the way in and opened on the way out; callers see plain contact details
 * and reasons, and masked identifier columns.
 */
export function createCustomerStore(db: Database) {
  const cipher = lazyCipherOf(db);
  const sql = <P extends unknown[] | object = unknown[], R = unknown>(text: string) =>
    prepared<P, R>(db, text);

  const byId = sql<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?');
  const byCentralId = sql<[string], CustomerRow>(
    'SELECT * FROM customers WHERE central_id = ? ORDER BY created_at LIMIT 1',
  );
  const setCentralId = sql<[string, string, string]>(
    'UPDATE customers SET central_id = ? WHERE id = ? AND central_id IS NOT ?',
  );
  const byCert = sql<[string, string], CustomerRow>(
    'SELECT * FROM customers WHERE cert_type = ? AND cert_bidx = ?',
  );
  const byCertAnyType = sql<[string], CustomerRow>(
    'SELECT * FROM customers WHERE cert_bidx = ? AND merged_into IS NULL ORDER BY created_at',
  );
  const byMobile = sql<[string], CustomerRow>(
    `SELECT * FROM customers WHERE mobile_bidx = ? AND merged_into IS NULL
      ORDER BY updated_at DESC LIMIT ${LIST_LIMIT}`,
  );
  const byNamePrefix = sql<[string, string], CustomerRow>(
    `SELECT * FROM customers WHERE name >= ? AND name < ? AND merged_into IS NULL
      ORDER BY name LIMIT ${LIST_LIMIT}`,
  );
  const byAccount = sql<[string], CustomerRow>(
    `SELECT c.* FROM customer_accounts a JOIN customers c ON c.id = a.customer_id
      WHERE a.account_no = ? AND c.merged_into IS NULL LIMIT ${LIST_LIMIT}`,
  );
  const byManager = sql<[string], CustomerRow>(
    'SELECT * FROM customers WHERE manager = ? AND merged_into IS NULL ORDER BY name',
  );
  const merged = sql<[], CustomerRow>('SELECT * FROM customers WHERE merged_into IS NOT NULL');
  const mergedInto = sql<[string], CustomerRow>(
    'SELECT * FROM customers WHERE merged_into = ? ORDER BY created_at',
  );
  const liveRows = sql<[number], CustomerRow>(
    'SELECT * FROM customers WHERE merged_into IS NULL ORDER BY updated_at DESC LIMIT ?',
  );
  const managed = sql<[], CustomerRow>(
    'SELECT * FROM customers WHERE manager IS NOT NULL AND merged_into IS NULL',
  );
  const insert = sql<[CustomerRow]>(
    `INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, mobile, mobile_bidx,
       contact, manager, manager_set_by, manager_set_at, merged_into, created_at, updated_at, version,
       central_id)
     VALUES (@id, @cert_type, @cert_bidx, @cert_masked, @kind, @name, @mobile, @mobile_bidx,
       @contact, @manager, @manager_set_by, @manager_set_at, @merged_into, @created_at,
       @updated_at, @version, @central_id)`,
  );
  const updateContact = sql<
    [{ id: string; name: string; mobile: string; mobile_bidx: string; contact: string; at: number }]
  >(
    `UPDATE customers SET name = @name, mobile = @mobile, mobile_bidx = @mobile_bidx,
       contact = @contact, updated_at = @at, version = version + 1 WHERE id = @id`,
  );
  const setManager = sql<[string | null, string, number, string]>(
    `UPDATE customers SET manager = ?, manager_set_by = ?, manager_set_at = ?,
       version = version + 1 WHERE id = ?`,
  );
  const setMerged = sql<[string, number, string]>(
    'UPDATE customers SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ?',
  );
  const addAccount = sql<[string, string, number, string | null]>(
    `INSERT INTO customer_accounts (customer_id, account_no, first_seen_at, application_id)
     VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const accounts = sql<[string], { account_no: string; first_seen_at: number }>(
    'SELECT account_no, first_seen_at FROM customer_accounts WHERE customer_id = ? ORDER BY first_seen_at',
  );
  const moveAccounts = sql<[string, string]>(
    `INSERT INTO customer_accounts (customer_id, account_no, first_seen_at, application_id)
     SELECT ?, account_no, first_seen_at, application_id FROM customer_accounts
      WHERE customer_id = ? ON CONFLICT DO NOTHING`,
  );
  const appendHistory = sql<
    [
      {
        customer_id: string;
        at: number;
        actor: string;
        application_id: string | null;
        action: string;
        changes: string;
      },
    ]
  >(
    `INSERT INTO customer_contact_history (customer_id, at, actor, application_id, action, changes)
     VALUES (@customer_id, @at, @actor, @application_id, @action, @changes)`,
  );
  const historyOf = sql<
    [string],
    {
      id: number;
      at: number;
      actor: string;
      application_id: string | null;
      action: string;
      changes: string;
    }
  >('SELECT * FROM customer_contact_history WHERE customer_id = ? ORDER BY id');
  const countActions = sql<[string, number, number], { n: number }>(
    'SELECT count(*) AS n FROM customer_contact_history WHERE action = ? AND at >= ? AND at < ?',
  );
  const tagsOf = sql<[string], { tag: string; reason: string; set_by: string; set_at: number }>(
    'SELECT tag, reason, set_by, set_at FROM customer_tags WHERE customer_id = ? ORDER BY set_at',
  );
  const putTag = sql<[string, string, string, string, number]>(
    `INSERT INTO customer_tags (customer_id, tag, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, tag) DO UPDATE SET reason = excluded.reason,
       set_by = excluded.set_by, set_at = excluded.set_at`,
  );
  const dropTag = sql<[string, string]>(
    'DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?',
  );
  const tagDefs = sql<[], TagDefRow>('SELECT * FROM customer_tag_defs ORDER BY code');
  const putTagDef = sql<[TagDefRow]>(
    `INSERT INTO customer_tag_defs (code, label_zh, label_en, created_by, created_at)
     VALUES (@code, @label_zh, @label_en, @created_by, @created_at)
     ON CONFLICT (code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en`,
  );
  const notify = sql<[string, string, string, string, number]>(
    `INSERT INTO customer_notifications (recipient, kind, customer_id, ref, at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const notificationsOf = sql<[string], NotificationRow>(
    `SELECT * FROM customer_notifications WHERE recipient = ? ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
  );
  const markRead = sql<[number, number, string]>(
    'UPDATE customer_notifications SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL',
  );

  const openTag = (r: { tag: string; reason: string; set_by: string; set_at: number }): TagRow => ({
    tag: r.tag,
    reason: r.reason === '' ? '' : cipher.open(r.reason, TAG_REASON_CONTEXT),
    setBy: r.set_by,
    setAt: r.set_at,
  });

  return {
    byId: (id: string): CustomerRow | undefined => byId.get(id),
    byCentralId: (id: string): CustomerRow | undefined => byCentralId.get(id),
    /** Learnt from central's pull: the id the whole hall knows this customer by. */
    setCentralId: (id: string, centralId: string): void =>
      void setCentralId.run(centralId, id, centralId),
    byCert: (type: string, bidx: string): CustomerRow | undefined => byCert.get(type, bidx),
    /** Live customers with this certificate number under any type (a search by number). */
    byCertNumber: (bidx: string): CustomerRow[] => byCertAnyType.all(bidx),
    byMobile: (bidx: string): CustomerRow[] => byMobile.all(bidx),
    byNamePrefix: (prefix: string): CustomerRow[] => byNamePrefix.all(prefix, `${prefix}\uffff`),
    byAccount: (accountNo: string): CustomerRow[] => byAccount.all(accountNo),
    byManager: (manager: string): CustomerRow[] => byManager.all(manager),
    managed: (): CustomerRow[] => managed.all(),
    /** Live customers, most recently changed first (the sensitive list's candidates). */
    live: (limit: number): CustomerRow[] => liveRows.all(limit),
    /** The duplicates merged into this customer. */
    mergedInto: (id: string): CustomerRow[] => mergedInto.all(id),
    /** Every merged duplicate (few: a partial index holds only these). */
    merged: (): CustomerRow[] => merged.all(),
    contactOf: (row: CustomerRow): Contact => openContact(cipher, row.contact),
    /** Returns the row as byId would read it back (contact sealed). */
    insert: (row: NewCustomer): CustomerRow => {
      const stored: CustomerRow = {
        ...row,
        contact: sealContact(cipher, row.contact),
        merged_into: null,
        version: 1,
        central_id: row.central_id ?? null,
      };
      insert.run(stored);
      return stored;
    },
    updateContact: (
      id: string,
      name: string,
      masked: { mobile: string; mobile_bidx: string },
      contact: Contact,
      at: number,
    ): void =>
      void updateContact.run({ id, name, ...masked, contact: sealContact(cipher, contact), at }),
    setManager: (id: string, manager: string | null, actor: string, at: number): boolean =>
      setManager.run(manager, actor, at, id).changes === 1,
    markMerged: (fromId: string, intoId: string, at: number): void => {
      setMerged.run(intoId, at, fromId);
      moveAccounts.run(intoId, fromId);
    },
    addAccount: (
      id: string,
      accountNo: string,
      at: number,
      applicationId: string | null,
    ): boolean => addAccount.run(id, accountNo, at, applicationId).changes === 1,
    accounts: (id: string) => accounts.all(id),
    appendHistory: (entry: Omit<ContactChange, 'id'> & { customerId: string }): void =>
      void appendHistory.run({
        customer_id: entry.customerId,
        at: entry.at,
        actor: entry.actor,
        application_id: entry.applicationId,
        action: entry.action,
        changes: cipher.seal(JSON.stringify(entry.changes), CONTACT_HISTORY_CONTEXT),
      }),
    history: (id: string): ContactChange[] =>
      historyOf.all(id).map((h) => ({
        id: h.id,
        at: h.at,
        actor: h.actor,
        applicationId: h.application_id,
        action: h.action,
        changes: JSON.parse(
          cipher.open(h.changes, CONTACT_HISTORY_CONTEXT),
        ) as ContactChange['changes'],
      })),
    /** History entries of one action in [from, to) (the dashboard's 客户信息更新 count). */
    countActions: (action: string, from: number, to: number): number =>
      countActions.get(action, from, to)?.n ?? 0,
    tags: (id: string): TagRow[] => tagsOf.all(id).map(openTag),
    setTag: (id: string, tag: string, reason: string, actor: string, at: number): void =>
      void putTag.run(
        id,
        tag,
        reason === '' ? '' : cipher.seal(reason, TAG_REASON_CONTEXT),
        actor,
        at,
      ),
    removeTag: (id: string, tag: string): boolean => dropTag.run(id, tag).changes === 1,
    tagDefs: (): TagDefRow[] => tagDefs.all(),
    defineTag: (def: TagDefRow): void => void putTagDef.run(def),
    notify: (recipient: string, kind: string, customerId: string, ref: string, at: number): void =>
      void notify.run(recipient, kind, customerId, ref, at),
    notifications: (recipient: string): NotificationRow[] => notificationsOf.all(recipient),
    markRead: (id: number, recipient: string, at: number): boolean =>
      markRead.run(at, id, recipient).changes === 1,
    transaction: <T>(fn: () => T): T => immediate(db, fn),
  };
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;
