import { DEFAULT_WEIGHTS } from '../../../../shared/queue/defaults';
import type { Priority } from '../../../../shared/queue/schemas';
import type { CallContext } from '../../../../shared/api/dispatcher';
import { createApplicationRepository } from '../applications/repository';
import type { AuditRecord } from '../audit/trail';
import { createAccountStore } from '../auth/accounts';
import { complaintsOfCustomer } from '../complaints/service';
import type { Database } from '../db';
import { checklistsByTicketNumbers } from '../queue/checklists';
import { createRequestStore } from '../requests/store';
import { createCustomerHandlers } from './handlers';
import { createCustomerReads } from './record';
import { createCustomerSearch } from './search';
import { createCustomerService } from './service';
import type { CentralConnection } from '../central-client';
import { createCustomerMirror } from './central-mirror';
import type { CustomerSyncSite } from './outbox-op';
import { pullCustomers } from './pull';
import type { TicketsOf } from './ticket-timeline';

export { createCustomerService, type CustomerService } from './service';
export { createCustomerReads, type CustomerReads } from './record';

export interface CustomerAreaDeps {
  db: Database;
  now: () => Date;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  /** The queue's priority weights in force; the defaults until a configuration was seen. */
  weights?: () => Readonly<Record<Priority, number>>;
  /** Customers travel through central for this hall and station (issue 15); absent: local only. */
  sync?: CustomerSyncSite;
  /** The hall queue's tickets of a customer, for the timeline; absent without a shared queue. */
  ticketsOf?: TicketsOf;
  log?: (line: string) => void;
}

/**
 * The customer area (issue 15; docs/customers.md): the record, its search, tags, account
 * managers and their notifications, wired to the owners it reads through (applications and
 * complaints by blind index, staff accounts for managers).
 */
export function createCustomerArea(deps: CustomerAreaDeps) {
  const accounts = createAccountStore(deps.db);
  const customers = createCustomerService({
    db: deps.db,
    now: deps.now,
    staffAccount: (no) => accounts.find(no),
    ...(deps.sync ? { sync: deps.sync } : {}),
  });
  const mirror = createCustomerMirror(deps.db, customers);
  const applications = createApplicationRepository(deps.db);
  const reads = createCustomerReads({
    customers,
    applicationsOf: applications.byCustomerCertificate,
    complaintsOf: complaintsOfCustomer(deps.db),
    requestsOf: createRequestStore(deps.db).byPhone,
    demosOf: checklistsByTicketNumbers(deps.db),
    ...(deps.ticketsOf ? { ticketsOf: deps.ticketsOf } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    weights: deps.weights ?? (() => DEFAULT_WEIGHTS),
    now: deps.now,
  });
  const search = createCustomerSearch(deps.db, customers);
  return {
    customers,
    reads,
    search,
    /** The sync cycle's pull of the hall's customers (after the change feed); how many applied. */
    afterPull: (central: CentralConnection): Promise<number> =>
      pullCustomers(central, mirror, () => deps.now().getTime()),
    /** The hall's ids of a manager's customers, as tickets carry them ("叫我的客户"). */
    hallIdsOfManager: (staffNo: string): string[] =>
      customers.store.byManager(staffNo).map(customers.hallId),
    handlers: createCustomerHandlers({ customers, reads, search, record: deps.record }),
  };
}

export type CustomerArea = ReturnType<typeof createCustomerArea>;
