import { createHmac, randomBytes } from 'node:crypto';
import type { CallContext } from '../../../../shared/api/dispatcher';
import type { MethodName, ParsedInput } from '../../../../shared/api/contract';
import type { AuditRecord } from '../audit/trail';
import { hook, type AnyHook, type Hook } from '../compose';
import { classifyQuery, compactQuery, type ProtectedColumn } from './classify';
import {
  guideMayNotSearch,
  guideWildcardQuery,
  searchRateLimited,
  SEARCHES_PER_MINUTE,
} from './errors';
import { createRateLimiter } from './rate-limit';

/** One value a method looks customers up by: the input field it came from and what it is. */
export interface LookupValue {
  field: string;
  /** The column it is matched against, or a free query to classify. */
  column: ProtectedColumn | 'query';
  value: string | undefined;
}

interface Guarded<M extends MethodName> {
  method: M;
  why: string;
  values: (input: ParsedInput<M>) => LookupValue[];
  /** What else makes two calls different searches for the limit (beside the values). */
  alsoDistinct?: (input: ParsedInput<M>) => string;
}
const guarded = <M extends MethodName>(g: Guarded<M>): Guarded<M> => g;
type AnyGuarded = { [M in MethodName]: Guarded<M> }[MethodName];

/**
 * Every contract method that takes a query or a protected value to look customers up by. A new
 * one is covered by adding it here (tests/security/protected-search.test.ts fails for a method
 * with a query-like input field that is missing).
 */
export const PROTECTED_LOOKUPS: readonly AnyGuarded[] = [
  guarded({
    method: 'applications.list',
    why: 'q may be a name, application number, phone, ID number or credit code',
    values: (i) => [{ field: 'q', column: 'query', value: i.q }],
  }),
  guarded({
    method: 'kiosk.lookup',
    why: 'an application number verified by the whole phone number',
    values: (i) => [{ field: 'mobile', column: 'mobile', value: i.mobile }],
    // One phone tried against many application numbers is many look-ups.
    alsoDistinct: (i) => i.appNo,
  }),
  guarded({
    method: 'appointments.checkIn',
    why: 'a booking found by its code and verified by the whole phone number',
    values: (i) => [{ field: 'mobile', column: 'mobile', value: i.mobile }],
    alsoDistinct: (i) => i.code,
  }),
  guarded({
    method: 'appointments.cancel',
    why: 'a booking found by its code and verified by the whole phone number',
    values: (i) => [{ field: 'mobile', column: 'mobile', value: i.mobile }],
    alsoDistinct: (i) => i.code,
  }),
  guarded({
    method: 'complaints.take',
    why: 'the repeat-contact look-up matches the customer by ID number and phone',
    values: (i) => [
      { field: 'idNumber', column: 'id_number', value: i.idNumber },
      { field: 'mobile', column: 'mobile', value: i.mobile },
    ],
  }),
  guarded({
    method: 'customers.search',
    why: 'q may be a name, 户号, phone, ID number or credit code (customer record)',
    values: (i) => [{ field: 'q', column: 'query', value: i.q }],
  }),
  guarded({
    method: 'customers.identify',
    why: 'a customer identified by certificate at triage or the counter (tags, priority)',
    values: (i) => [
      { field: 'idNumber', column: 'id_number', value: i.idNumber },
      { field: 'creditCode', column: 'credit_code', value: i.creditCode },
    ],
  }),
];

/**
 * Methods whose input has a query-like field but that look nobody up by it, and why. Kept
 * beside the list so the completeness test can tell "forgotten" from "decided".
 */
export const NOT_LOOKUPS: Partial<Record<MethodName, string>> = {
  'kiosk.startApplication':
    'the draft carries the customer phone to the counter; nothing is looked up by it',
  'appointments.book': 'the phone is kept (sealed) with the booking; nothing is looked up by it',
  'requests.reportFault':
    'the phone and 户号 are the repair order’s contact and place; nothing is looked up by them',
  'requests.subscribe':
    'the mobile is where notices go, recorded with consent; nothing is looked up by it',
  'customers.updateContact':
    'the new phone is written to the record named by its id (audited); nothing is looked up by it',
};

export interface ProtectedSearchDeps {
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  now: () => Date;
}

interface Searched {
  column: ProtectedColumn;
  /** The value as the search compares it (never stored or logged; only its keyed hash). */
  value: string;
}

/** Which protected columns a call searches by; throws for a guide's protected-looking query. */
function columnsSearched(values: LookupValue[], ctx: CallContext): Searched[] {
  const searched: Searched[] = [];
  for (const v of values) {
    if (v.value === undefined || v.value.trim() === '') continue;
    if (v.column !== 'query') {
      searched.push({ column: v.column, value: compactQuery(v.value) });
      continue;
    }
    const kind = classifyQuery(v.value);
    if ((kind.kind === 'whole' || kind.kind === 'fragment') && ctx.role === 'guide') {
      throw kind.kind === 'fragment' && kind.reason === 'wildcard'
        ? guideWildcardQuery(v.field)
        : guideMayNotSearch(v.field);
    }
    if (kind.kind === 'whole') searched.push({ column: kind.column, value: compactQuery(v.value) });
  }
  return searched;
}

/**
 * The guard around every protected look-up, as hooks: guides may not search by a protected
 * column (a query that looks like one, or a piece of one, is refused); every search by one is
 * limited per staff member (distinct values: paging one search is
 * one search) and leaves an audit row naming the column, never the value. Whole-value
 * matching itself is the searching owner's job (blind-index columns).
 */
export function protectedSearchHooks(deps: ProtectedSearchDeps): AnyHook[] {
  const limiter = createRateLimiter({
    max: SEARCHES_PER_MINUTE,
    windowMs: 60_000,
    now: () => deps.now().getTime(),
  });
  // The limiter tells a repeated search from a new one by a keyed hash that lives only in
  // this process's memory: the values themselves are never kept.
  const hashKey = randomBytes(32);
  const eventOf = (searched: Searched[], also: string): string =>
    createHmac('sha256', hashKey)
      .update([...searched.map((s) => `${s.column}=${s.value}`), also].join('\n'))
      .digest('base64url');
  // The budget belongs to the person, not the session: signing in again (or in a second tab)
  // must not start a fresh one. Kiosk and display callers are their station role.
  const budgetKey = (ctx: CallContext): string =>
    ctx.role !== undefined
      ? `a:${ctx.actor.toLowerCase()}`
      : ctx.session !== undefined
        ? `s:${ctx.session}`
        : `t:${ctx.transport}:${ctx.actor}`;

  const guardOf = <M extends MethodName>(g: Guarded<M>): Hook<M> =>
    hook({
      method: g.method,
      why: `protected search guard: ${g.why}`,
      before: (input, ctx) => {
        const searched = columnsSearched(g.values(input), ctx);
        if (searched.length === 0) return input;
        const columns = searched.map((s) => s.column);
        if (!limiter.take(budgetKey(ctx), eventOf(searched, g.alsoDistinct?.(input) ?? ''))) {
          deps.record(ctx, {
            action: 'search_refused',
            target: columns.join(','),
            detail: { method: g.method, reason: 'rate_limited' },
          });
          throw searchRateLimited();
        }
        for (const column of new Set(columns)) {
          deps.record(ctx, { action: 'search', target: column, detail: { method: g.method } });
        }
        return input;
      },
    });
  // Each entry keeps its own method's types; the list only needs "some hook".
  return PROTECTED_LOOKUPS.map((g) => guardOf(g as Guarded<MethodName>) as AnyHook);
}
