// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import type { Account } from '../../../shared/auth/schemas';
import { useStaffAccountsStore } from './staffAccounts';

const account = (staffNo: string, over: Partial<Account> = {}): Account => ({
  staffNo,
  name: staffNo,
  role: 'counter',
  locked: false,
  lockedUntil: null,
  disabled: false,
  failedAttempts: 0,
  createdAt: '2026-03-02T09:00:00.000+08:00',
  ...over,
});

/** Services stand-in keeping a list of accounts and refusing to demote the last supervisor. */
function fakeServices() {
  const calls: { method: string; input: unknown }[] = [];
  const accounts = [account('S001', { role: 'supervisor' }), account('C101')];
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = {
    invoke: async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      const target = accounts.find((a) => a.staffNo === input.staffNo);
      switch (method) {
        case 'auth.accounts':
          return { ok: true, value: accounts.map((a) => ({ ...a })) };
        case 'auth.setDisabled':
          target!.disabled = input.disabled as boolean;
          return { ok: true, value: target };
        case 'auth.setRole':
          if (target?.role === 'supervisor') {
            return {
              ok: false,
              error: { code: 'CONFLICT', message: '最后一名主管', messageEn: 'Last supervisor' },
            };
          }
          target!.role = input.role as Account['role'];
          return { ok: true, value: target };
        default:
          return { ok: false, error: { code: 'UNKNOWN_METHOD', message: '?', messageEn: '?' } };
      }
    },
  };
  return { calls };
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
});

describe('staff accounts store', () => {
  it('disables and changes roles through the services, then shows the reloaded list', async () => {
    const services = fakeServices();
    const store = useStaffAccountsStore();
    await store.load();
    await store.setDisabled('C101', true);
    await store.setRole('C101', 'guide');
    expect(store.accounts.find((a) => a.staffNo === 'C101')).toMatchObject({
      disabled: true,
      role: 'guide',
    });
    expect(services.calls.map((c) => c.method)).toEqual([
      'auth.accounts',
      'auth.setDisabled',
      'auth.accounts',
      'auth.setRole',
      'auth.accounts',
    ]);
  });

  it('passes a refusal on to the view and leaves the list as it was', async () => {
    fakeServices();
    const store = useStaffAccountsStore();
    await store.load();
    await expect(store.setRole('S001', 'counter')).rejects.toMatchObject({
      body: { code: 'CONFLICT' },
    });
    expect(store.accounts.find((a) => a.staffNo === 'S001')?.role).toBe('supervisor');
  });
});
