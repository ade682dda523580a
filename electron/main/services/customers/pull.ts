import { CustomersPageSchema } from '../../../../shared/sync/customer-payloads';
import type { CentralConnection } from '../central-client';
import type { CustomerMirror } from './central-mirror';

const PAGE = 200;

/** Pulls the hall's customer changes page by page from the stored cursor; how many applied. */
export async function pullCustomers(
  central: CentralConnection,
  mirror: CustomerMirror,
  now: () => number,
): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = mirror.cursor();
    const page = await central.session.authed((token) =>
      central.http.request(
        { method: 'GET', path: `/v1/customers?since=${since}&limit=${PAGE}`, token },
        CustomersPageSchema,
      ),
    );
    applied += mirror.applyPage(page, now());
    if (!page.more || page.customers.length === 0) return applied;
  }
}
