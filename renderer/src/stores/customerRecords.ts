import { defineStore } from 'pinia';
import type { MethodInput } from '../../../shared/api/contract';
import { call } from '../api/client';

/**
 * The 客户 page's calls (customer record): search, the record, tags, managers, merges, a
 * manager's own list and notices, satisfaction per manager. Each screen keeps its own state.
 */
export const useCustomerRecordsStore = defineStore('customerRecords', () => ({
  search: async (q: string) => (await call('customers.search', { q })).rows,
  get: (customerId: string) => call('customers.get', { customerId }),
  tagDefs: async () => (await call('customers.tagDefs', {})).tags,
  setTag: (input: MethodInput<'customers.setTag'>) => call('customers.setTag', input),
  removeTag: (input: MethodInput<'customers.removeTag'>) => call('customers.removeTag', input),
  assignManager: (customerId: string, manager: string | null) =>
    call('customers.assignManager', { customerId, manager }),
  merge: (input: MethodInput<'customers.merge'>) => call('customers.merge', input),
  /** 客户信息更新: only the fields given change; the old values stay in the history. */
  updateContact: (input: MethodInput<'customers.updateContact'>) =>
    call('customers.updateContact', input),
  mine: async () => (await call('customers.mine', {})).rows,
  notifications: () => call('customers.notifications', {}),
  markRead: (id: number) => call('customers.markRead', { id }),
  satisfaction: async () => (await call('customers.satisfaction', {})).managers,
}));
