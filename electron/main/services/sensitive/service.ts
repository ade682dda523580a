import type { SensitiveReason, SensitiveRow } from '../../../../shared/api/methods/sensitive';
import { CATALOGUES } from '../../../../shared/catalogue/versions';
import { toHallIso } from '../../../../shared/hall-time';
import type { ServiceRuleSet } from '../../../../shared/service-rules';
import type { AcceptedKey, CustomerApplication } from '../applications/repository';
import type { ComplaintKey, CustomerComplaint } from '../complaints/service';
import type { CustomerRow } from '../customers/store';
import { sensitiveCandidates } from './candidates';
import { byRank, nextActorOf, openDays, scoreOf } from './ranking';
import { reasonsOf, signalsOf, type CustomerContact, type SignalRules } from './signals';

/** Complaint subjects that are billing disputes; 校表 is the meter-test application type. */
const BILLING_SUBJECTS = new Set(['billing', 'metering']);
const METER_TEST_TYPE = 'REQ_METER_TEST';
/** Complaints waiting for their answer: the loop is open until the customer is answered. */
const OPEN_STATES = new Set(['taken', 'dispatched', 'contacted']);
/** The most customers one list looks at (most recently changed first). */
const CANDIDATES = 5000;

// A customer's applications may be of any shipped version (a code's family never changes).
const familyOf = new Map(
  CATALOGUES.versions.flatMap((c) => c.types).map((t) => [t.code, t.family as string]),
);

export interface SensitiveDeps {
  /** The customer owner's reads (customers/store.ts). */
  customers: {
    live(limit: number): CustomerRow[];
    byId(id: string): CustomerRow | undefined;
    mergedInto(id: string): CustomerRow[];
    merged(): CustomerRow[];
    tags(id: string): { tag: string }[];
  };
  /** The applications owner's keys of what it accepted in a span (the candidates' read). */
  acceptedKeys(from: number, to: number): AcceptedKey[];
  /** The complaints owner's keys of complaints taken since `from` or still in `openStates`. */
  complaintKeys(from: number, openStates: readonly string[]): ComplaintKey[];
  /** The applications owner's look-up by certificate blind index. */
  applicationsOf(column: 'id_number' | 'credit_code', bidx: string): CustomerApplication[];
  /** The complaints owner's look-up by ID number or phone blind index. */
  complaintsOf(keys: { idNumberBidx: string; mobileBidx: string }): CustomerComplaint[];
  ruleSet(): ServiceRuleSet;
  now(): Date;
}

/** An application's or complaint's contact, without a personal value. */
export function contactOfApplication(a: CustomerApplication): CustomerContact | null {
  if (a.accepted_at === null) return null;
  return {
    kind: 'application',
    matter: familyOf.get(a.type_code) ?? a.type_code,
    at: a.accepted_at,
    billing: a.type_code === METER_TEST_TYPE,
    open: false,
    assignee: null,
  };
}

export function contactOfComplaint(c: CustomerComplaint): CustomerContact {
  return {
    kind: 'complaint',
    matter: c.subject,
    at: c.taken_at,
    billing: BILLING_SUBJECTS.has(c.subject),
    open: OPEN_STATES.has(c.state),
    assignee: c.assignee,
  };
}

/**
 * Sensitive work orders (敏感工单, issue 17): customers with repeat contacts, billing disputes
 * or open complaints, from the owners' own look-ups (a merged duplicate's certificate counts as
 * the survivor's), ranked by score (ranking.ts).
 */
export function createSensitiveList(deps: SensitiveDeps) {
  const rules = (): SignalRules => {
    const set = deps.ruleSet();
    return { windowDays: set.repeat.windowDays, repeatAt: set.repeat.redAt };
  };

  function contactsOf(row: CustomerRow): CustomerContact[] {
    const apps = new Map<string, CustomerApplication>();
    const complaints = new Map<string, CustomerComplaint>();
    for (const r of [row, ...deps.customers.mergedInto(row.id)]) {
      const org = r.cert_type === 'credit_code';
      for (const a of deps.applicationsOf(org ? 'credit_code' : 'id_number', r.cert_bidx))
        apps.set(a.id, a);
      const keys = { idNumberBidx: org ? '' : r.cert_bidx, mobileBidx: r.mobile_bidx };
      for (const c of deps.complaintsOf(keys)) complaints.set(c.id, c);
    }
    return [
      ...[...apps.values()].flatMap((a) => contactOfApplication(a) ?? []),
      ...[...complaints.values()].map(contactOfComplaint),
    ];
  }

  function assess(row: CustomerRow, now: number, r: SignalRules) {
    const signals = signalsOf(contactsOf(row), now, r);
    return { signals, reasons: reasonsOf(signals, r) };
  }

  function list(): { rows: SensitiveRow[]; windowDays: number; repeatAt: number } {
    const now = deps.now().getTime();
    const r = rules();
    const from = now - r.windowDays * 86_400_000;
    const candidates = sensitiveCandidates(
      deps.customers.live(CANDIDATES),
      deps.customers.merged(),
      deps.acceptedKeys(from, now),
      deps.complaintKeys(from, [...OPEN_STATES]),
      now,
      {
        ...r,
        meterTestType: METER_TEST_TYPE,
        billingSubjects: BILLING_SUBJECTS,
        openStates: OPEN_STATES,
      },
    );
    const ranked = candidates
      .map((row) => ({ row, ...assess(row, now, r) }))
      .filter((x) => x.reasons.length > 0)
      .map((x) => ({
        ...x,
        id: x.row.id,
        score: scoreOf(x.signals, now, r.repeatAt),
        lastContactAt: x.signals.lastContactAt,
      }))
      .sort(byRank);
    return {
      windowDays: r.windowDays,
      repeatAt: r.repeatAt,
      rows: ranked.map(({ row, signals, reasons, score }) => ({
        customerId: row.id,
        name: row.name,
        certNo: row.cert_masked,
        reasons,
        repeatCount: signals.repeatCount,
        billingDisputes: signals.billingDisputes,
        openComplaints: signals.openComplaints,
        oldestOpenDays: openDays(signals, now),
        lastContactAt: signals.lastContactAt === null ? null : toHallIso(signals.lastContactAt),
        score,
        nextActor: nextActorOf(row.manager, signals),
        tagged: deps.customers.tags(row.id).some((t) => t.tag === 'sensitive'),
      })),
    };
  }

  /** Whether one customer is on the list, and why (the guide's and the counter's flag). */
  function flag(customerId: string): { listed: boolean; reasons: SensitiveReason[] } {
    let row = deps.customers.byId(customerId);
    // A merged duplicate answers with the customer it was merged into.
    for (let hops = 0; row?.merged_into && hops < 10; hops++)
      row = deps.customers.byId(row.merged_into);
    if (!row) return { listed: false, reasons: [] };
    const { reasons } = assess(row, deps.now().getTime(), rules());
    return { listed: reasons.length > 0, reasons };
  }

  return { list, flag };
}

export type SensitiveList = ReturnType<typeof createSensitiveList>;
