import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../../central/server';
import type { Booking, Slot } from '../../../../shared/appointments/schemas';
import { DAY_MS, hallDate } from '../../../../shared/hall-time';
import { testLog } from '../../../../tests/support/test-log';
import { createServices, type Services } from '../createServices';

/**
 * The station's side: the contract's appointment methods reach the hub the queue is on, the
 * hub's refusals come back as the contract's errors in both languages (no phone in them), and
 * a hub that cannot be reached says what the desk should do instead.
 */
let dir: string;
let central: CentralHandle;
let services: Services;
let offline: Services;
const ctx = { transport: 'ipc' as const, actor: 'S001', role: 'guide' as const };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-appt-svc-'));
  central = await startCentral({ allowDevelopmentSecret: true, dbFile: join(dir, 'hub.db') });
  const base = { auth: { enforce: false }, transport: 'ipc' as const, log: testLog, demo: true };
  services = createServices({
    ...base,
    dbFile: join(dir, 'hall.db'),
    centralUrl: central.url,
    validateOutput: true,
  });
  // A station whose hub address answers nothing (port 9: discard, nothing listens).
  offline = createServices({
    ...base,
    dbFile: join(dir, 'off.db'),
    centralUrl: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await services.close();
  await offline.close();
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(s: Services, method: string, input: unknown) => {
  const res = await s.dispatch(method, input, ctx);
  return res as
    | { ok: true; value: T }
    | { ok: false; error: { code: string; message: string; messageEn: string; field?: string } };
};

describe('appointments through the station services', () => {
  it('book, refuse when full (CONFLICT, bilingual, no phone), and answer with the channel of the desk', async () => {
    const day = hallDate(Date.now() + DAY_MS);
    const slot = await call<Slot>(services, 'appointments.saveSlot', {
      slot: { day, serviceCode: 'NEW', startMin: 540, endMin: 600, capacity: 1 },
    });
    expect(slot.ok).toBe(true);
    if (!slot.ok) return;
    const booked = await call<Booking>(services, 'appointments.book', {
      slotId: slot.value.id,
      mobile: '139 5731 8866',
    });
    expect(booked.ok && booked.value.channel).toBe('guide');
    expect(booked.ok && booked.value.phoneMasked).toBe('139****8866');
    const full = await call(services, 'appointments.book', {
      slotId: slot.value.id,
      mobile: '13800138000',
    });
    expect(full.ok).toBe(false);
    if (full.ok) return;
    expect(full.error.code).toBe('CONFLICT');
    expect(full.error.message).toContain('已满');
    expect(JSON.stringify(full.error)).not.toContain('13800138000');
  });

  it('a bad mobile is a field error; an unreachable hub says to issue a regular ticket', async () => {
    const bad = await call(services, 'appointments.checkIn', { code: '12345', mobile: '1' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
    const down = await call(offline, 'appointments.checkIn', {
      code: '123456',
      mobile: '13957318866',
    });
    expect(down.ok).toBe(false);
    if (!down.ok) {
      expect(down.error.code).toBe('UNAVAILABLE');
      expect(down.error.message).toContain('正常取号');
    }
  });
});
