import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { sensitiveMethods } from '../../../../shared/api/methods/sensitive';
import type { SensitiveList } from './service';

/** The sensitive list behind the contract (roles: shared/api/permissions.ts). */
export function createSensitiveHandlers(list: SensitiveList): HandlersFor<typeof sensitiveMethods> {
  return {
    'sensitive.list': () => list.list(),
    'sensitive.flag': (input) => list.flag(input.customerId),
  };
}
