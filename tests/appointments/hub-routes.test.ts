import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../central/server';
import { DAY_MS, hallDate, hallInstant } from '../../shared/hall-time';
import { onlineClient, stationClient } from './appt-client';

/**
 * The appointment endpoint on a hall hub started alone (`--mode hub`, no central part in the
 * process: central unreachable): booking and check-in work there; an online channel's
 * credential reaches only slots, book and cancel.
 */
const HALL = 'HALL-R';
let dir: string;
let hub: CentralHandle | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-appt-hub-'));
});
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('appointments on a hub without central', () => {
  it('books, lists and checks in with central absent; the ticket has 预约 priority', async () => {
    // The hub's clock at 10:00 hall time today, so a slot of today is open whenever this runs.
    const day = hallDate(Date.now());
    const tenOClock = hallInstant(day, 600).getTime();
    hub = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: join(dir, 'hub.db'),
      mode: 'hub',
      now: () => tenOClock,
    });
    const sync = await fetch(`${hub.url}/v1/changes?since=0`);
    expect(sync.status).toBe(404); // this process serves no central part
    const guide = await stationClient(hub.url, HALL, 'G01');
    const slot = await guide.call('saveSlot', {
      slot: { day, serviceCode: 'NEW', startMin: 600, endMin: 660, capacity: 2 },
    });
    const booking = await guide.call('book', {
      requestId: uuidv7(),
      slotId: slot.id,
      mobile: '139 5731 8866',
      channel: 'guide',
    });
    expect(booking.phoneMasked).toBe('139****8866');
    expect(booking.code).toMatch(/^\d{6}$/);
    const list = await guide.call('dayList', {});
    expect(list.map((b) => b.code)).toEqual([booking.code]);
    const { ticket } = await guide.call('checkIn', {
      code: booking.code,
      mobile: '13957318866',
      channel: 'guide',
    });
    expect(ticket.priority).toBe('appointment');
    expect((await guide.call('figures', {})).checkedIn).toBe(1);
  });

  it('an online channel may list slots, book and cancel, and nothing else', async () => {
    hub = await startCentral({ allowDevelopmentSecret: true, dbFile: join(dir, 'hub.db') });
    const supervisor = await stationClient(hub.url, HALL, 'S01');
    const web = await onlineClient(hub.url, hub.adminToken, HALL, 'WEB01');
    const day = hallDate(Date.now() + DAY_MS);
    const slot = await supervisor.call('saveSlot', {
      slot: { day, serviceCode: 'NEW', startMin: 540, endMin: 600, capacity: 1 },
    });
    expect((await web.call('slots', { day })).map((s) => s.id)).toEqual([slot.id]);
    const b = await web.call('book', {
      requestId: uuidv7(),
      slotId: slot.id,
      mobile: '13800138000',
    });
    expect(b.channel).toBe('online');
    const refused = [];
    // The offline copy holds every booking's match and the day keys: never for a channel.
    const ops = ['dayList', 'checkIn', 'figures', 'saveSlot', 'saveSettings'];
    for (const op of [...ops, 'offlineCopy', 'replayCheckIn']) {
      refused.push((await web.raw(op, {})).status);
    }
    expect(refused).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const queue = await fetch(`${hub.url}/v1/queue/board`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${web.token}` },
      body: '{}',
    });
    expect(queue.status).toBe(403);
    const full = await web.raw('book', {
      requestId: uuidv7(),
      slotId: slot.id,
      mobile: '13800138001',
    });
    expect(full.status).toBe(409);
    expect((await web.call('cancel', { code: b.code, mobile: '13800138000' })).state).toBe(
      'cancelled',
    );
    console.log(
      `appointment online channel: allowed=3 refused_ops=${refused.length} queue_refused=1`,
    );
  });
});
