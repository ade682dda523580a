import { newId } from '../new-id';
import type { FieldValues } from '../../../../shared/api/schemas';
import {
  certificateOfApplication,
  nameKey,
  type CustomerCertificate,
} from '../../../../shared/customers/certificate';
import { HALL_TAG_CODE, isBuiltinTag } from '../../../../shared/customers/tags';
import { formatAddress } from '../../../../shared/domain/address-text';
import { maskCreditCode, maskIdNumber, maskMobile } from '../../../../shared/domain/mask';
import { normalizeCode, normalizePhone } from '../../../../shared/validators/normalize';
import type { Address } from '../../../../shared/api/schemas';
import type { AccountRow } from '../auth/accounts';
import { lazyCipherOf } from '../crypto';
import type { Database } from '../db';
import { customerMergeRefusal } from './merge-rules';
import { customerNotFound, mergeRefused, tagNotSet, unknownManager, unknownTag } from './errors';
import { EMPTY_CONTACT, type Contact } from './sealing';
import { createCustomerStore, type CustomerRow } from './store';
import type { CustomerSyncSite } from './outbox-op';
import { createCustomerSyncOps } from './sync-ops';

export interface CustomerServiceDeps {
  db: Database;
  now: () => Date;
  /** A staff account by its number (auth's owner), to check an account manager exists. */
  staffAccount: (staffNo: string) => AccountRow | undefined;
  /** The hall and station the changes are sent to central for; absent: nothing is queued. */
  sync?: CustomerSyncSite;
}

/** What an application says about its customer, as typed (normalised here). */
export interface ApplicationFacts {
  applicationId: string;
  accountKind: string;
  fields: FieldValues;
  actor: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function addressText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object' && v !== null && 'detail' in v) return formatAddress(v as Address);
  return '';
}

/**
 * The customer record's writes: one customer per certificate, kept current from submitted
 * applications (every change of name or contact details recorded with who, when and which
 * application), tags with who and why, account managers and merges. Reads are in record.ts.
 */
export function createCustomerService(deps: CustomerServiceDeps) {
  const store = createCustomerStore(deps.db);
  const cipher = lazyCipherOf(deps.db);
  const at = (): number => deps.now().getTime();
  const ops = deps.sync ? createCustomerSyncOps(deps.db, store, deps.sync) : undefined;

  /** The blind index of a certificate: the same index the applications keep for it. */
  const certIndex = (cert: Pick<CustomerCertificate, 'type' | 'number'>): string =>
    cipher.blindIndex(cert.type === 'credit_code' ? 'credit_code' : 'id_number', cert.number);

  /** A merged duplicate answers with the customer it was merged into. */
  function live(row: CustomerRow | undefined): CustomerRow | undefined {
    let current = row;
    for (let hops = 0; current?.merged_into && hops < 10; hops++) {
      current = store.byId(current.merged_into);
    }
    return current;
  }

  function byCertificate(cert: Pick<CustomerCertificate, 'type' | 'number'>) {
    return live(store.byCert(cert.type, certIndex(cert)));
  }

  function required(id: string, field = 'customerId'): CustomerRow {
    // A ticket names a customer by the hall's id (central's), which may not be this station's.
    const row = live(store.byId(id) ?? store.byCentralId(id));
    if (!row) throw customerNotFound(field);
    return row;
  }

  const masked = (mobile: string) => ({
    mobile: mobile === '' ? '' : maskMobile(mobile),
    mobile_bidx: mobile === '' ? '' : cipher.blindIndex('mobile', mobile),
  });

  /**
   * Finds or creates the customer of a submitted application and keeps the record current: a
   * new spelling of the same name is taken without calling it a change; a different name, phone
   * or address is a change recorded in the contact history. Returns the customer's id, or
   * undefined when the application names no certificate.
   */
  function recordFromApplication(facts: ApplicationFacts): string | undefined {
    const cert = certificateOfApplication(facts.accountKind, facts.fields);
    if (!cert) return undefined;
    const name = str(facts.fields.applicantName);
    const contact: Contact = {
      mobile: normalizePhone(str(facts.fields.mobile)),
      address: addressText(facts.fields.address),
      certNo: cert.number,
    };
    const accountNo = str(facts.fields.accountNo);
    const when = at();
    return store.transaction(() => {
      // One HMAC for the look-up and, when new, the row.
      const certBidx = certIndex(cert);
      const existing = live(store.byCert(cert.type, certBidx));
      const id = existing?.id ?? newId();
      if (!existing) {
        const stored = store.insert({
          id,
          cert_type: cert.type,
          cert_bidx: certBidx,
          cert_masked:
            cert.type === 'credit_code' ? maskCreditCode(cert.number) : maskIdNumber(cert.number),
          kind: cert.kind,
          name,
          ...masked(contact.mobile),
          contact,
          manager: null,
          manager_set_by: null,
          manager_set_at: null,
          created_at: when,
          updated_at: when,
        });
        const changes = changesOf({ name: '', ...EMPTY_CONTACT }, { name, ...contact });
        store.appendHistory({
          customerId: id,
          at: when,
          actor: facts.actor,
          applicationId: facts.applicationId,
          action: 'created',
          changes,
        });
        ops?.contact(
          stored,
          { name, ...contact },
          { action: 'created', changes, applicationId: facts.applicationId },
          facts.actor,
          when,
        );
      } else {
        updateContact(existing, name, contact, facts, when);
      }
      if (accountNo !== '') store.addAccount(id, accountNo, when, facts.applicationId);
      return id;
    });
  }

  function updateContact(
    row: CustomerRow,
    name: string,
    contact: Contact,
    facts: ApplicationFacts,
    when: number,
  ): void {
    const before = { name: row.name, ...store.contactOf(row) };
    // An empty value on a form says nothing new: the record keeps what it had.
    const after = {
      name: name === '' ? before.name : name,
      mobile: contact.mobile === '' ? before.mobile : contact.mobile,
      address: contact.address === '' ? before.address : contact.address,
      certNo: contact.certNo ?? before.certNo,
    };
    const changes = changesOf(before, after);
    // A record from before customer sync learns its certificate number here, silently.
    const learnt = before.certNo === undefined && after.certNo !== undefined;
    if (after.name !== before.name || Object.keys(changes).length > 0 || learnt) {
      const { name: _name, ...sealed } = after;
      // A contact person set by 客户信息更新 stays: an application does not name one.
      const contactPerson = before.contactPerson;
      store.updateContact(
        row.id,
        after.name,
        masked(after.mobile),
        { ...sealed, ...(contactPerson ? { contactPerson } : {}) },
        when,
      );
    }
    if (Object.keys(changes).length > 0 || learnt) {
      ops?.contact(
        row,
        after,
        { action: learnt ? 'created' : 'contact', changes, applicationId: facts.applicationId },
        facts.actor,
        when,
      );
    }
    if (Object.keys(changes).length === 0) return;
    store.appendHistory({
      customerId: row.id,
      at: when,
      actor: facts.actor,
      applicationId: facts.applicationId,
      action: 'contact',
      changes,
    });
  }

  function knownTag(code: string): boolean {
    if (isBuiltinTag(code)) return true;
    return HALL_TAG_CODE.test(code) && store.tagDefs().some((d) => d.code === code);
  }

  function setTag(customerId: string, tag: string, reason: string, actor: string): CustomerRow {
    if (!knownTag(tag)) throw unknownTag();
    const row = required(customerId);
    const when = at();
    store.transaction(() => {
      store.setTag(row.id, tag, reason, actor, when);
      ops?.tag(row, tag, true, reason, actor, when);
      store.appendHistory({
        customerId: row.id,
        at: when,
        actor,
        applicationId: null,
        action: 'tag_set',
        changes: { [`tag:${tag}`]: { from: '', to: reason } },
      });
    });
    return row;
  }

  function removeTag(customerId: string, tag: string, reason: string, actor: string): CustomerRow {
    const row = required(customerId);
    const when = at();
    store.transaction(() => {
      if (!store.removeTag(row.id, tag)) throw tagNotSet();
      ops?.tag(row, tag, false, reason, actor, when);
      store.appendHistory({
        customerId: row.id,
        at: when,
        actor,
        applicationId: null,
        action: 'tag_removed',
        changes: { [`tag:${tag}`]: { from: reason, to: '' } },
      });
    });
    return row;
  }

  function assignManager(customerId: string, manager: string | null, actor: string): CustomerRow {
    const row = required(customerId);
    if (manager !== null) {
      const account = deps.staffAccount(manager);
      if (!account || account.disabled_at !== null) throw unknownManager();
    }
    const when = at();
    store.transaction(() => {
      store.setManager(row.id, manager, actor, when);
      ops?.manager(row, manager, actor, when);
      store.appendHistory({
        customerId: row.id,
        at: when,
        actor,
        applicationId: null,
        action: 'manager',
        changes: { manager: { from: row.manager ?? '', to: manager ?? '' } },
      });
    });
    return required(row.id);
  }

  /** Folds a duplicate into the customer it duplicates: accounts, tags and the manager follow. */
  function merge(fromId: string, intoId: string, reason: string, actor: string): CustomerRow {
    const from = store.byId(fromId);
    const into = store.byId(intoId);
    if (!from) throw customerNotFound('fromId');
    if (!into) throw customerNotFound('intoId');
    const refusal = customerMergeRefusal(from, into);
    if (refusal) throw mergeRefused(refusal.zh, refusal.en);
    const when = at();
    store.transaction(() => {
      store.markMerged(from.id, into.id, when);
      ops?.merge(from, into, reason, actor, when);
      const has = new Set(store.tags(into.id).map((t) => t.tag));
      for (const t of store.tags(from.id)) {
        if (!has.has(t.tag)) store.setTag(into.id, t.tag, t.reason, t.setBy, t.setAt);
      }
      if (into.manager === null && from.manager !== null) {
        store.setManager(into.id, from.manager, actor, when);
      }
      for (const [id, other] of [
        [into.id, from.id],
        [from.id, into.id],
      ] as const) {
        store.appendHistory({
          customerId: id,
          at: when,
          actor,
          applicationId: null,
          action: id === into.id ? 'merged_in' : 'merged_away',
          changes: { merge: { from: other, to: reason } },
        });
      }
    });
    return required(into.id);
  }

  /** A complaint from a customer with an account manager leaves the manager a notification. */
  function notifyComplaint(
    keys: { idNumber?: string | undefined; mobile?: string | undefined },
    complaintId: string,
  ): string | undefined {
    let row: CustomerRow | undefined;
    if (keys.idNumber) {
      row = live(
        store.byCertNumber(cipher.blindIndex('id_number', normalizeCode(keys.idNumber)))[0],
      );
    }
    if (!row && keys.mobile) {
      const same = store.byMobile(cipher.blindIndex('mobile', normalizePhone(keys.mobile)));
      if (same.length === 1) row = same[0];
    }
    if (!row?.manager) return undefined;
    store.notify(row.manager, 'complaint', row.id, complaintId, at());
    return row.manager;
  }

  return {
    store,
    /** Whether a local change of this customer still waits for central (the pull leaves it). */
    pendingSync: (id: string): boolean => ops?.pending(id) ?? false,
    /** Queues a contact change made outside an application (客户信息更新) for central. */
    queueContactChange: (
      row: CustomerRow,
      now: { name: string } & Contact,
      changes: Record<string, { from: string; to: string }>,
      actor: string,
      when: number,
    ): void =>
      ops?.contact(row, now, { action: 'contact', changes, applicationId: null }, actor, when),
    /** The id the hall knows this customer by: central's once pulled, else this station's. */
    hallId: (row: CustomerRow): string => row.central_id ?? row.id,
    certIndex,
    live,
    byCertificate,
    required,
    recordFromApplication,
    setTag,
    removeTag,
    assignManager,
    merge,
    notifyComplaint,
    defineTag: (code: string, labelZh: string, labelEn: string, actor: string) =>
      store.defineTag({
        code,
        label_zh: labelZh,
        label_en: labelEn,
        created_by: actor,
        created_at: at(),
      }),
    markRead: (id: number, recipient: string): boolean => store.markRead(id, recipient, at()),
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;

type Snapshot = Record<'name' | 'mobile' | 'address', string>;

/** Field → from/to for what differs; a name differing only in spelling (nameKey) is no change. */
export function changesOf(
  before: Snapshot,
  after: Snapshot,
): Record<string, { from: string; to: string }> {
  const out: Record<string, { from: string; to: string }> = {};
  if (nameKey(before.name) !== nameKey(after.name))
    out.name = { from: before.name, to: after.name };
  if (before.mobile !== after.mobile) out.mobile = { from: before.mobile, to: after.mobile };
  if (before.address !== after.address) out.address = { from: before.address, to: after.address };
  return out;
}
