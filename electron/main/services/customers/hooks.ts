import { priorityForTags } from '../../../../shared/customers/tags';
import type { Priority } from '../../../../shared/queue/schemas';
import { hook, type AnyHook } from '../compose';
import type { CustomerArea } from './index';
import type { ApplicationFacts } from './service';

export interface CustomerHookDeps {
  area: Pick<CustomerArea, 'customers' | 'reads'>;
  weights: () => Readonly<Record<Priority, number>>;
  log: (line: string) => void;
  /** A tag, manager or merge change goes to central at once instead of waiting for the poll. */
  kickSync?: () => void;
}

/**
 * The customer record kept current from every submitted application, inside the submit's own
 * transaction (the application service's `alongSubmit`): one commit, one fsync for both. The
 * application is stored whatever happens here: a failure rolls back only the customer's
 * savepoint (its nested transaction) and is logged by name.
 */
export function customerAlongSubmit(
  deps: Pick<CustomerHookDeps, 'log'> & {
    customers: Pick<CustomerArea['customers'], 'recordFromApplication'>;
  },
): (submitted: ApplicationFacts) => void {
  return (submitted) => {
    try {
      deps.customers.recordFromApplication(submitted);
    } catch (err) {
      deps.log(
        `customers: record from application failed: ${err instanceof Error ? err.name : typeof err}`,
      );
    }
  };
}

/**
 * The customer record's work around other areas' methods: a complaint tells the customer's
 * account manager, and a ticket issued for an identified customer gets the priority their tags
 * give. (A submitted application's customer is kept inside the submit: customerAlongSubmit.)
 */
export function customerHooks(deps: CustomerHookDeps): AnyHook[] {
  const { customers, reads } = deps.area;
  const kick = {
    why: 'a customer change goes out to the hall’s other stations at once',
    after: () => deps.kickSync?.(),
  };
  return [
    hook({
      method: 'complaints.take',
      why: 'a complaint from a managed customer notifies the account manager',
      after: (detail, input) => {
        try {
          customers.notifyComplaint({ idNumber: input.idNumber, mobile: input.mobile }, detail.id);
        } catch (err) {
          deps.log(
            `customers: complaint notification failed: ${err instanceof Error ? err.name : typeof err}`,
          );
        }
      },
    }),
    hook({
      method: 'queue.issue',
      why: 'an identified customer’s tags set the ticket’s priority (never lower it)',
      before: (input) => {
        if (input.customerId === undefined) return input;
        const row = customers.required(input.customerId);
        const tags = reads.brief(row).tags.map((t) => t.code);
        return {
          ...input,
          // The hall's id: a manager on another station of the hall finds the ticket.
          customerId: customers.hallId(row),
          priority: priorityForTags(tags, deps.weights(), input.priority),
        };
      },
    }),
    hook({ method: 'customers.setTag', ...kick }),
    hook({ method: 'customers.removeTag', ...kick }),
    hook({ method: 'customers.assignManager', ...kick }),
    hook({ method: 'customers.merge', ...kick }),
  ];
}
