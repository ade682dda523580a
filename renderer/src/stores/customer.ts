import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CustomerBrief } from '../../../shared/api/methods/customers';
import { call } from '../api/client';

/**
 * The customer in front of the desk, once identified (ID card reader, a certificate number or
 * the ticket's customer): their tags show at once, and a 敏感客户 warning is acknowledged once
 * per customer per visit before the clerk starts.
 */
export const useCustomerStore = defineStore('customer', () => {
  const current = ref<CustomerBrief | null>(null);
  /** Identified, but no record yet (a first visit): the number was looked up and not found. */
  const unknown = ref(false);
  const acknowledged = ref<string[]>([]);
  const error = ref<unknown>(null);

  function show(brief: CustomerBrief | null): CustomerBrief | null {
    current.value = brief;
    unknown.value = brief === null;
    return brief;
  }

  async function identify(input: {
    idNumber?: string;
    creditCode?: string;
  }): Promise<CustomerBrief | null> {
    error.value = null;
    try {
      return show((await call('customers.identify', input)).customer);
    } catch (err) {
      error.value = err;
      return null;
    }
  }

  /** Reads the ID card at the desk and looks its holder up (the card's data stays here). */
  async function identifyByCard(): Promise<CustomerBrief | null> {
    error.value = null;
    try {
      const card = await call('idReader.read', {});
      return await identify({ idNumber: card.idNumber });
    } catch (err) {
      error.value = err;
      return null;
    }
  }

  /** The customer a ticket was issued for. */
  async function fromTicket(customerRef: string | null | undefined): Promise<void> {
    if (!customerRef) return;
    if (current.value?.id === customerRef) return;
    try {
      show(await call('customers.brief', { customerId: customerRef }));
    } catch (err) {
      error.value = err;
    }
  }

  const needsAck = (): boolean =>
    current.value !== null && current.value.warn && !acknowledged.value.includes(current.value.id);

  function acknowledge(): void {
    if (current.value) acknowledged.value = [...acknowledged.value, current.value.id];
  }

  /** The next customer: nobody identified, nothing acknowledged yet. */
  function clear(): void {
    current.value = null;
    acknowledged.value = [];
    unknown.value = false;
    error.value = null;
  }

  return {
    current,
    unknown,
    error,
    show,
    identify,
    identifyByCard,
    fromTicket,
    needsAck,
    acknowledge,
    clear,
  };
});
