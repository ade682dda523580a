import { kioskBookingDays } from '../../shared/appointments/time-rules';
import type { QueueStore } from '../queue/store';
import type { AppointmentStore } from './store';

/** A morning and an afternoon hour per service, four places each. */
const DEMO_TIMES = [
  { startMin: 9 * 60, endMin: 10 * 60 },
  { startMin: 14 * 60, endMin: 15 * 60 },
] as const;
const DEMO_CAPACITY = 4;

/**
 * Slots for a demo hall (`npm start`), on the days the kiosk's 预约 offers: without them a fresh install's 预约 has nothing to book.
 * A day that already has slots (the supervisor's, or an earlier start's) is left as it is, so
 * starting again never changes what was published or booked.
 */
export async function publishDemoSlots(
  appointments: AppointmentStore,
  queue: QueueStore,
  hall: string,
  now: number,
): Promise<{ days: number; slots: number }> {
  const services = (await queue.config(hall)).services.map((s) => s.code);
  let days = 0;
  let slots = 0;
  for (const day of kioskBookingDays(now)) {
    if ((await appointments.slots(hall, { day })).length > 0) continue;
    days++;
    for (const serviceCode of services) {
      for (const t of DEMO_TIMES) {
        await appointments.saveSlot(hall, {
          slot: { day, serviceCode, ...t, capacity: DEMO_CAPACITY },
        });
        slots++;
      }
    }
  }
  return { days, slots };
}
