import type { CustomerBrief, CustomerRecord } from '../../../../shared/api/methods/customers';
import {
  BUILTIN_TAG_LABELS,
  BUILTIN_TAGS,
  isBuiltinTag,
  needsWarning,
  priorityForTags,
} from '../../../../shared/customers/tags';
import { maskAddress, maskMobile } from '../../../../shared/domain/mask';
import { toHallIso } from '../../../../shared/hall-time';
import type { Priority } from '../../../../shared/queue/schemas';
import type { LocalizedText } from '../../../../shared/text';
import type { CustomerApplication } from '../applications/repository';
import type { CustomerComplaint } from '../complaints/service';
import type { TicketDemo } from '../queue/checklists';
import type { CustomerRequest } from '../requests/store';
import type { CustomerService } from './service';
import type { ContactChange, CustomerRow } from './store';
import { fetchTicketPart, ticketEntries, type TicketPart, type TicketsOf } from './ticket-timeline';

export interface CustomerReadDeps {
  customers: CustomerService;
  /** The applications owner's look-up by certificate blind index. */
  applicationsOf: (column: 'id_number' | 'credit_code', bidx: string) => CustomerApplication[];
  /** The complaints owner's look-up by ID number or phone blind index. */
  complaintsOf: (keys: { idNumberBidx: string; mobileBidx: string }) => CustomerComplaint[];
  /** The requests owner's look-up by phone blind index (故障报修, 信息订阅; 咨询 names no phone). */
  requestsOf?: (mobileBidx: string) => CustomerRequest[];
  /** The hall queue's tickets of a customer (with ratings); absent without a shared queue. */
  ticketsOf?: TicketsOf;
  /** The guide checklists owner's look-up of demos by ticket number. */
  demosOf?: (numbers: readonly string[]) => TicketDemo[];
  log?: (line: string) => void;
  /** The queue's priority weights in force (the last configuration seen). */
  weights: () => Readonly<Record<Priority, number>>;
  now: () => Date;
}

type Timeline = CustomerRecord['timeline'];

/** Masks a changed value for the screen: phones and addresses; names and codes stay. */
function maskChange(field: string, v: string): string {
  if (v === '') return '';
  if (field === 'mobile') return maskMobile(v);
  if (field === 'address') return maskAddress(v);
  // A merge names the other record and the supervisor's reason; tags carry the reason.
  return v;
}

/** The customer record's reads: the brief for triage and counter, the full record, lists. */
export function createCustomerReads(deps: CustomerReadDeps) {
  const { customers } = deps;
  const { store } = customers;

  const labels = (): Map<string, LocalizedText> => {
    const out = new Map<string, LocalizedText>(BUILTIN_TAGS.map((c) => [c, BUILTIN_TAG_LABELS[c]]));
    for (const d of store.tagDefs()) out.set(d.code, { zh: d.label_zh, en: d.label_en });
    return out;
  };

  function brief(row: CustomerRow): CustomerBrief {
    const tags = store.tags(row.id);
    const names = labels();
    const codes = tags.map((t) => t.tag);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      certType: row.cert_type,
      certNo: row.cert_masked,
      tags: tags.map((t) => ({
        code: t.tag,
        label: names.get(t.tag) ?? { zh: t.tag, en: t.tag },
        setBy: t.setBy,
        setAt: toHallIso(t.setAt),
        reason: t.reason,
      })),
      priority: priorityForTags(codes, deps.weights()),
      warn: needsWarning(codes),
      manager: row.manager,
    };
  }

  /** The rows whose certificates count as this customer's: itself and what was merged in. */
  const family = (row: CustomerRow): CustomerRow[] => [row, ...store.mergedInto(row.id)];

  function applicationsOf(rows: CustomerRow[]): CustomerApplication[] {
    const seen = new Map<string, CustomerApplication>();
    for (const r of rows) {
      const column = r.cert_type === 'credit_code' ? 'credit_code' : 'id_number';
      for (const a of deps.applicationsOf(column, r.cert_bidx)) seen.set(a.id, a);
    }
    return [...seen.values()];
  }

  function complaintsOf(rows: CustomerRow[]): CustomerComplaint[] {
    const seen = new Map<string, CustomerComplaint>();
    for (const r of rows) {
      const keys = {
        idNumberBidx: r.cert_type === 'credit_code' ? '' : r.cert_bidx,
        mobileBidx: r.mobile_bidx,
      };
      for (const c of deps.complaintsOf(keys)) seen.set(c.id, c);
    }
    return [...seen.values()];
  }

  function requestsOf(rows: CustomerRow[]): CustomerRequest[] {
    const seen = new Map<string, CustomerRequest>();
    for (const r of rows) for (const q of deps.requestsOf?.(r.mobile_bidx) ?? []) seen.set(q.id, q);
    return [...seen.values()];
  }

  function satisfactionOf(complaints: CustomerComplaint[]) {
    const count = (result: string) => complaints.filter((c) => c.visit_result === result).length;
    return {
      visits: complaints.filter((c) => c.visit_result !== null).length,
      satisfied: count('satisfied'),
      basicallySatisfied: count('basically_satisfied'),
      dissatisfied: count('dissatisfied'),
      complaints: complaints.filter((c) => c.kind === 'complaint').length,
    };
  }

  function timelineOf(
    apps: CustomerApplication[],
    complaints: CustomerComplaint[],
    history: ContactChange[],
    requests: CustomerRequest[],
    part: TicketPart,
  ): Timeline {
    const out: Timeline = [];
    // The hall's tickets replace the local 取号 entries of the same tickets (by id).
    const fromHall = new Set<string>();
    if (part.state === 'hall') {
      for (const t of part.tickets) fromHall.add(t.id);
      const demos = deps.demosOf?.(part.tickets.map((t) => t.number)) ?? [];
      out.push(...ticketEntries(part.tickets, demos));
    }
    for (const r of requests)
      out.push({
        at: toHallIso(r.taken_at),
        kind: 'request',
        ref: r.request_no,
        detail: `${r.kind} ${r.topic}`,
      });
    const tickets = new Map<string, number>();
    for (const a of apps) {
      out.push({
        at: toHallIso(a.accepted_at ?? a.created_at),
        kind: 'application',
        ref: a.app_no ?? a.id,
        detail: `${a.type_code} ${a.state}`,
      });
      if (a.ticket_id)
        tickets.set(a.ticket_id, Math.min(tickets.get(a.ticket_id) ?? Infinity, a.created_at));
    }
    for (const [ticket, first] of tickets) {
      if (fromHall.has(ticket)) continue;
      out.push({ at: toHallIso(first), kind: 'ticket', ref: ticket, detail: 'served' });
    }
    for (const c of complaints) {
      out.push({
        at: toHallIso(c.taken_at),
        kind: 'complaint',
        ref: c.complaint_no,
        detail: `${c.kind} ${c.state}`,
      });
      if (c.visited_at !== null) {
        out.push({
          at: toHallIso(c.visited_at),
          kind: 'visit',
          ref: c.complaint_no,
          detail: c.visit_result ?? '',
        });
      }
    }
    for (const h of history) {
      // 客户信息更新 is a request taken through the record.
      const kind = h.action.startsWith('tag')
        ? 'tag'
        : h.action === 'manager'
          ? 'manager'
          : h.action === 'update'
            ? 'request'
            : 'contact';
      out.push({
        at: toHallIso(h.at),
        kind,
        ref: h.applicationId ?? '',
        detail: `${h.action} ${Object.keys(h.changes).join(',')}`,
      });
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  /** The ids a ticket of this customer may carry: the hall's id and each station id. */
  const ticketRefs = (rows: CustomerRow[]): string[] => [
    ...new Set(rows.flatMap((r) => [customers.hallId(r), r.id])),
  ];

  /** The record with the ticket part asked of the hall's queue (local entries if it fails). */
  async function recordWithTickets(id: string): Promise<CustomerRecord> {
    const rows = family(customers.required(id));
    const part = await fetchTicketPart(deps.ticketsOf, ticketRefs(rows), deps.log ?? (() => {}));
    return record(id, part);
  }

  function record(id: string, part: TicketPart = { state: 'off' }): CustomerRecord {
    const row = customers.required(id);
    const rows = family(row);
    const contact = store.contactOf(row);
    const apps = applicationsOf(rows);
    const complaints = complaintsOf(rows);
    const history = store.history(row.id);
    return {
      ...brief(row),
      mobile: contact.mobile === '' ? '' : maskMobile(contact.mobile),
      address: maskAddress(contact.address),
      accounts: store
        .accounts(row.id)
        .map((a) => ({ accountNo: a.account_no, since: toHallIso(a.first_seen_at) })),
      contactHistory: history.map((h) => ({
        at: toHallIso(h.at),
        actor: h.actor,
        applicationId: h.applicationId,
        action: h.action,
        changes: Object.fromEntries(
          Object.entries(h.changes).map(([k, v]) => [
            k,
            { from: maskChange(k, v.from), to: maskChange(k, v.to) },
          ]),
        ),
      })),
      timeline: timelineOf(apps, complaints, history, requestsOf(rows), part),
      ticketPart: part.state,
      satisfaction: satisfactionOf(complaints),
      mergedFrom: rows.slice(1).map((r) => r.id),
    };
  }

  /** The signed-in manager's customers, each with submitted applications by deadline. */
  function mine(manager: string) {
    return store.byManager(manager).map((row) => ({
      customer: brief(row),
      openApplications: applicationsOf(family(row))
        .filter((a) => a.accepted_at !== null && a.deadline_at !== null)
        .sort((a, b) => (a.deadline_at ?? 0) - (b.deadline_at ?? 0))
        .slice(0, 10)
        .map((a) => ({
          id: a.id,
          appNo: a.app_no,
          typeCode: a.type_code,
          state: a.state,
          deadlineAt: a.deadline_at === null ? null : toHallIso(a.deadline_at),
        })),
    }));
  }

  /** 回访 results of the customers each manager looks after. */
  function satisfactionByManager() {
    const byManager = new Map<string, CustomerRow[]>();
    for (const row of store.managed()) {
      const m = row.manager as string;
      byManager.set(m, [...(byManager.get(m) ?? []), row]);
    }
    return [...byManager].map(([manager, rows]) => ({
      manager,
      customers: rows.length,
      ...satisfactionOf(rows.flatMap((r) => complaintsOf(family(r)))),
    }));
  }

  function notifications(recipient: string) {
    const rows = store.notifications(recipient).map((n) => ({
      id: n.id,
      kind: n.kind,
      customerId: n.customer_id,
      customerName: store.byId(n.customer_id)?.name ?? '',
      ref: n.ref,
      at: toHallIso(n.at),
      read: n.read_at !== null,
    }));
    return { rows, unread: rows.filter((r) => !r.read).length };
  }

  function tagDefs() {
    const builtin = BUILTIN_TAGS.map((code) => ({
      code,
      label: BUILTIN_TAG_LABELS[code],
      builtin: true,
    }));
    const hall = store
      .tagDefs()
      .filter((d) => !isBuiltinTag(d.code))
      .map((d) => ({ code: d.code, label: { zh: d.label_zh, en: d.label_en }, builtin: false }));
    return { tags: [...builtin, ...hall] };
  }

  return {
    brief,
    record,
    recordWithTickets,
    mine,
    satisfactionByManager,
    notifications,
    tagDefs,
  };
}

export type CustomerReads = ReturnType<typeof createCustomerReads>;
