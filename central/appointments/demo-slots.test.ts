import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_BOOKING_DAYS } from '../../shared/appointments/time-rules';
import { DAY_MS, hallDate, hallInstant } from '../../shared/hall-time';
import { openCentralCore, type CentralCore } from '../core';

const HALL = 'HALL01';
const NOW = hallInstant('2026-12-01', 8 * 60).getTime();

let dir: string;
let core: CentralCore | undefined;
const open = async (demoSlotsHall?: string) => {
  await core?.store.close();
  core = await openCentralCore({
    dbFile: join(dir, 'central.db'),
    now: () => NOW,
    ...(demoSlotsHall ? { demoSlotsHall } : {}),
  });
  return core;
};
const weekSlots = async (c: CentralCore) => {
  const perDay = [];
  for (let i = 0; i < KIOSK_BOOKING_DAYS; i++) {
    perDay.push((await c.appointments.slots(HALL, { day: hallDate(NOW + i * DAY_MS) })).length);
  }
  return perDay;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-slots-'));
});
afterEach(async () => {
  await core?.store.close();
  core = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('demo appointment slots (central --demo-slots, npm start)', () => {
  it('a fresh demo hall has slots to book on every day the kiosk offers; without the option none', async () => {
    expect(await weekSlots(await open())).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const c = await open(HALL);
    const services = (await c.queue.config(HALL)).services.length;
    // A morning and an afternoon hour per queue service, every day of the week.
    expect(await weekSlots(c)).toEqual(Array(KIOSK_BOOKING_DAYS).fill(services * 2));
    const today = await c.appointments.slots(HALL, { day: hallDate(NOW) });
    expect(today.every((s) => s.capacity > s.booked)).toBe(true);
  });

  it('starting again keeps what was published or booked, and leaves a supervisor-made day alone', async () => {
    const first = await open();
    const tomorrow = hallDate(NOW + DAY_MS);
    await first.appointments.saveSlot(HALL, {
      slot: { day: tomorrow, serviceCode: 'NEW', startMin: 600, endMin: 660, capacity: 1 },
    });
    const c = await open(HALL);
    const perDay = await weekSlots(c);
    expect(perDay[1]).toBe(1);
    const slot = (await c.appointments.slots(HALL, { day: hallDate(NOW) }))[0];
    await c.appointments.book(HALL, 'K01', 'kiosk', {
      requestId: '0193f5d2-0000-7000-8000-000000000001',
      slotId: slot!.id,
      mobile: '13957318866',
    });
    const again = await open(HALL);
    expect(await weekSlots(again)).toEqual(perDay);
    const kept = await again.appointments.slots(HALL, { day: hallDate(NOW) });
    expect(kept.find((s) => s.id === slot!.id)?.booked).toBe(1);
  });
});
