import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  AppointmentFigures,
  AppointmentSettings,
  Booking,
  Slot,
  SlotInput,
} from '../../../shared/appointments/schemas';
import type { IssuedTicket } from '../../../shared/queue/schemas';
import { hallDate } from '../../../shared/hall-time';
import { call } from '../api/client';

/**
 * Appointments (预约): the day's slots, booking, the guide's day list, check-in, the
 * supervisor's slots, rules and figures. Everything is decided on the hall hub; nothing
 * personal is kept here beyond the last answer (phones only masked).
 */
export const useAppointmentsStore = defineStore('appointments', () => {
  const day = ref(hallDate(Date.now()));
  const slots = ref<Slot[]>([]);
  const bookings = ref<Booking[]>([]);
  const figures = ref<AppointmentFigures | null>(null);
  const settings = ref<AppointmentSettings | null>(null);
  const busy = ref(false);
  const error = ref<unknown>(null);

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

  const loadSlots = (forDay = day.value) =>
    run(async () => {
      slots.value = await call('appointments.slots', { day: forDay });
      return slots.value;
    });

  /** The slots of several days at once (the kiosk's week), by day. */
  const loadDays = (days: readonly string[]) =>
    run(async () => {
      const lists = await Promise.all(days.map((d) => call('appointments.slots', { day: d })));
      return Object.fromEntries(days.map((d, i) => [d, lists[i] ?? []])) as Record<string, Slot[]>;
    });

  const book = (slotId: string, mobile: string): Promise<Booking | undefined> =>
    run(async () => {
      const booking = await call('appointments.book', { slotId, mobile });
      slots.value = await call('appointments.slots', { day: booking.day });
      return booking;
    });

  const checkIn = (
    code: string,
    mobile: string,
  ): Promise<{ booking: Booking; ticket: IssuedTicket } | undefined> =>
    run(() => call('appointments.checkIn', { code: code.trim(), mobile }));

  const cancel = (code: string, mobile: string): Promise<Booking | undefined> =>
    run(() => call('appointments.cancel', { code: code.trim(), mobile }));

  const loadDayList = () =>
    run(async () => {
      bookings.value = await call('appointments.dayList', {});
      return bookings.value;
    });

  const saveSlot = (slot: SlotInput) =>
    run(async () => {
      const saved = await call('appointments.saveSlot', { slot });
      slots.value = await call('appointments.slots', { day: slot.day });
      return saved;
    });

  const removeSlot = (slot: Slot) =>
    run(async () => {
      const out = await call('appointments.removeSlot', { slotId: slot.id });
      slots.value = await call('appointments.slots', { day: slot.day });
      return out;
    });

  const loadFigures = () =>
    run(async () => {
      figures.value = await call('appointments.figures', {});
      return figures.value;
    });

  const loadSettings = () =>
    run(async () => {
      settings.value = await call('appointments.settings', {});
      return settings.value;
    });

  const saveSettings = (next: AppointmentSettings) =>
    run(async () => {
      settings.value = await call('appointments.saveSettings', { settings: next });
      return settings.value;
    });

  return {
    day,
    slots,
    bookings,
    figures,
    settings,
    busy,
    error,
    loadSlots,
    loadDays,
    book,
    checkIn,
    cancel,
    loadDayList,
    saveSlot,
    removeSlot,
    loadFigures,
    loadSettings,
    saveSettings,
  };
});
