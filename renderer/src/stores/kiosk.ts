import { defineStore } from 'pinia';
import { v4 as uuidv4 } from 'uuid';
import { reactive, ref, watch } from 'vue';
import type { KioskContent, KioskDraft, LookupResult } from '../../../shared/queue/kiosk';
import type { IssuedTicket, Priority, Rating } from '../../../shared/queue/schemas';
import { call } from '../api/client';
import { forCustomers } from '../utils/customer-text';
import {
  DEFAULT_CERTIFICATE_TYPE,
  type PersonCertificateType,
} from '../../../shared/validators/certificates';

/** Every storage key the kiosk writes starts with this, so the wipe can find them all. */
export const KIOSK_STORAGE_PREFIX = 'hall.kiosk.';
const SESSION_KEY = `${KIOSK_STORAGE_PREFIX}session`;

const blankApply = () => ({
  typeCode: '',
  applicantName: '',
  idType: DEFAULT_CERTIFICATE_TYPE as PersonCertificateType,
  idNumber: '',
  mobile: '',
  accountNo: '',
  province: '',
  city: '',
  district: '',
  detail: '',
  note: '',
});
const blankLookup = () => ({ appNo: '', mobile: '' });
const blankRate = () => ({
  ticketNumber: '',
  rating: '' as Rating | '',
  attitude: 0,
  quality: 0,
  efficiency: 0,
});

/** Removes every kiosk key from both storages (and nothing else). */
export function clearKioskStorage(): void {
  for (const storage of [sessionStorage, localStorage]) {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(KIOSK_STORAGE_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  }
}

/**
 * One customer's visit at the kiosk: everything they typed and every answer they were shown.
 * Kept in sessionStorage so a reload mid-visit loses nothing, and wiped whole by `forget()`
 * when the kiosk falls idle.
 */
export const useKioskStore = defineStore('kiosk', () => {
  const largePrint = ref(false);
  const ticketPriority = ref<Priority>('normal');
  const ticket = ref<IssuedTicket | null>(null);
  const lookup = reactive(blankLookup());
  const lookupResult = ref<LookupResult | null>(null);
  const apply = reactive(blankApply());
  const applyTicket = ref<IssuedTicket | null>(null);
  const rate = reactive(blankRate());
  const rated = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<unknown>(null);
  const content = ref<KioskContent | null>(null);
  /**
   * This customer's look-ups: the station counts misses per visit (under a station ceiling),
   * so someone else's wrong numbers do not make this customer wait. New for each customer.
   */
  let lookupVisit = uuidv4();
  const newLookupVisit = (): void => {
    lookupVisit = uuidv4();
  };

  function restore(): void {
    try {
      const raw = sessionStorage.getItem(SESSION_KEY);
      if (!raw) return;
      const saved = JSON.parse(raw) as {
        largePrint?: boolean;
        lookup?: typeof lookup;
        apply?: typeof apply;
        rate?: typeof rate;
      };
      largePrint.value = saved.largePrint === true;
      Object.assign(lookup, blankLookup(), saved.lookup);
      Object.assign(apply, blankApply(), saved.apply);
      Object.assign(rate, blankRate(), saved.rate);
    } catch {
      sessionStorage.removeItem(SESSION_KEY);
    }
  }
  restore();

  watch(
    [largePrint, lookup, apply, rate],
    () => {
      const blank =
        !largePrint.value &&
        JSON.stringify([lookup, apply, rate]) ===
          JSON.stringify([blankLookup(), blankApply(), blankRate()]);
      // Nothing typed: nothing stored (the wipe must not leave an empty shell behind either).
      if (blank) sessionStorage.removeItem(SESSION_KEY);
      else {
        sessionStorage.setItem(
          SESSION_KEY,
          JSON.stringify({ largePrint: largePrint.value, lookup, apply, rate }),
        );
      }
    },
    { deep: true },
  );

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await fn();
    } catch (err) {
      error.value = err;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  async function takeTicket(serviceCode: string): Promise<void> {
    const out = await run(() =>
      call('queue.issue', { serviceCode, priority: ticketPriority.value }),
    );
    if (out) ticket.value = out;
  }

  async function findApplication(): Promise<void> {
    lookupResult.value = null;
    const out = await run(() =>
      call('kiosk.lookup', {
        appNo: lookup.appNo.trim(),
        mobile: lookup.mobile.trim(),
        visit: lookupVisit,
      }),
    );
    if (out) lookupResult.value = out;
  }

  function draft(accountKind: KioskDraft['accountKind']): KioskDraft {
    const address =
      apply.province || apply.city || apply.district || apply.detail
        ? {
            province: apply.province.trim(),
            city: apply.city.trim(),
            district: apply.district.trim(),
            street: '',
            detail: apply.detail.trim(),
          }
        : undefined;
    return {
      typeCode: apply.typeCode,
      accountKind,
      fields: {
        applicantName: apply.applicantName.trim(),
        mobile: apply.mobile.trim(),
        ...(apply.idNumber.trim() ? { idType: apply.idType, idNumber: apply.idNumber.trim() } : {}),
        ...(apply.accountNo.trim() ? { accountNo: apply.accountNo.trim() } : {}),
        ...(address ? { address } : {}),
      },
      note: apply.note,
    };
  }

  async function submitApplication(accountKind: KioskDraft['accountKind']): Promise<void> {
    const out = await run(() =>
      call('kiosk.startApplication', { draft: draft(accountKind), priority: 'normal' }),
    );
    if (out) applyTicket.value = out;
  }

  async function submitRating(): Promise<void> {
    if (!rate.rating) return;
    const rating = rate.rating;
    const out = await run(() =>
      call('kiosk.rate', {
        ticketNumber: rate.ticketNumber.trim(),
        rating,
        ...(rate.attitude ? { attitude: rate.attitude } : {}),
        ...(rate.quality ? { quality: rate.quality } : {}),
        ...(rate.efficiency ? { efficiency: rate.efficiency } : {}),
      }),
    );
    if (out) rated.value = out.ticketNumber;
  }

  async function loadContent(): Promise<void> {
    const out = await run(() => call('kiosk.content', {}));
    // Customers never see a figure's "(confirm)" review mark.
    if (out) content.value = forCustomers(out);
  }

  /** The idle wipe: every field, answer and error of this visit, and the kiosk's storage. */
  function forget(): void {
    newLookupVisit();
    largePrint.value = false;
    ticketPriority.value = 'normal';
    ticket.value = null;
    Object.assign(lookup, blankLookup());
    lookupResult.value = null;
    Object.assign(apply, blankApply());
    applyTicket.value = null;
    Object.assign(rate, blankRate());
    rated.value = null;
    busy.value = false;
    error.value = null;
    clearKioskStorage();
  }

  return {
    largePrint,
    ticketPriority,
    ticket,
    lookup,
    lookupResult,
    apply,
    applyTicket,
    rate,
    rated,
    busy,
    error,
    content,
    takeTicket,
    findApplication,
    submitApplication,
    submitRating,
    loadContent,
    forget,
    newLookupVisit,
  };
});
