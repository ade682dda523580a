import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Account, AuditVerify, StaffRole } from '../../../shared/auth/schemas';
import { call } from '../api/client';

export interface NewAccount {
  staffNo: string;
  name: string;
  role: StaffRole;
  secret: string;
}

/**
 * The supervisor's staff accounts view: the list, and every change to an account (each one
 * audited by the services). Actions reload the list and rethrow errors for the view to show.
 */
export const useStaffAccountsStore = defineStore('staffAccounts', () => {
  const accounts = ref<Account[]>([]);
  const verify = ref<AuditVerify | null>(null);

  async function load(): Promise<void> {
    accounts.value = await call('auth.accounts', {});
  }

  async function create(input: NewAccount): Promise<void> {
    await call('auth.createAccount', { ...input, staffNo: input.staffNo.trim() });
    await load();
  }

  async function unlock(staffNo: string): Promise<void> {
    await call('auth.unlockAccount', { staffNo });
    await load();
  }

  /** A new secret for a staff member; the services also clear a lock and end their sessions. */
  async function resetSecret(staffNo: string, secret: string): Promise<void> {
    await call('auth.resetSecret', { staffNo, secret });
    await load();
  }

  async function setDisabled(staffNo: string, disabled: boolean): Promise<void> {
    await call('auth.setDisabled', { staffNo, disabled });
    await load();
  }

  async function setRole(staffNo: string, role: StaffRole): Promise<void> {
    await call('auth.setRole', { staffNo, role });
    await load();
  }

  async function verifyChain(): Promise<void> {
    verify.value = await call('audit.verify', {});
  }

  return {
    accounts,
    verify,
    load,
    create,
    unlock,
    resetSecret,
    setDisabled,
    setRole,
    verifyChain,
  };
});
