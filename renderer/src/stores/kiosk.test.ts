// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_STORAGE_PREFIX, clearKioskStorage, useKioskStore } from './kiosk';

describe('kiosk store', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('keeps the visit in sessionStorage and forget() clears store and every kiosk key', async () => {
    const kiosk = useKioskStore();
    kiosk.apply.applicantName = '金丝雀';
    kiosk.apply.mobile = '13912345678';
    kiosk.lookup.appNo = 'C01202601010001';
    kiosk.rate.ticketNumber = 'A001';
    kiosk.largePrint = true;
    await nextTick();
    const saved = sessionStorage.getItem(`${KIOSK_STORAGE_PREFIX}session`) ?? '';
    expect(saved).toContain('金丝雀');
    localStorage.setItem(`${KIOSK_STORAGE_PREFIX}other`, 'x');
    localStorage.setItem('hall.locale', 'en');

    kiosk.forget();
    await nextTick();
    expect(kiosk.apply.applicantName).toBe('');
    expect(kiosk.lookup.appNo).toBe('');
    expect(kiosk.rate.ticketNumber).toBe('');
    expect(kiosk.largePrint).toBe(false);
    expect(sessionStorage.getItem(`${KIOSK_STORAGE_PREFIX}session`)).toBeNull();
    expect(localStorage.getItem(`${KIOSK_STORAGE_PREFIX}other`)).toBeNull();
    // Keys that are not the kiosk's are left alone.
    expect(localStorage.getItem('hall.locale')).toBe('en');
  });

  it('a reload mid-visit restores what was typed', async () => {
    const first = useKioskStore();
    first.apply.note = '备注';
    await nextTick();
    setActivePinia(createPinia());
    expect(useKioskStore().apply.note).toBe('备注');
    clearKioskStorage();
    setActivePinia(createPinia());
    expect(useKioskStore().apply.note).toBe('');
  });
});
