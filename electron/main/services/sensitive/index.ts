import { ruleSetAt, type ServiceRuleSet } from '../../../../shared/service-rules';
import { createApplicationRepository } from '../applications/repository';
import { complaintKeysOf, complaintsOfCustomer } from '../complaints/service';
import type { Database } from '../db';
import { createSensitiveHandlers } from './handlers';
import { createSensitiveList, type SensitiveDeps } from './service';

export { createSensitiveList, type SensitiveList, type SensitiveDeps } from './service';
export { createSensitiveHandlers } from './handlers';

/** The sensitive list wired to the owners it reads through (customers, applications, complaints). */
export function createSensitiveArea(deps: {
  db: Database;
  customers: SensitiveDeps['customers'];
  ruleSets: () => readonly ServiceRuleSet[];
  now: () => Date;
}) {
  const applications = createApplicationRepository(deps.db);
  const list = createSensitiveList({
    customers: deps.customers,
    applicationsOf: applications.byCustomerCertificate,
    acceptedKeys: applications.acceptedKeys,
    complaintsOf: complaintsOfCustomer(deps.db),
    complaintKeys: complaintKeysOf(deps.db),
    ruleSet: () => ruleSetAt(deps.ruleSets(), deps.now()),
    now: deps.now,
  });
  return { list, handlers: createSensitiveHandlers(list) };
}
