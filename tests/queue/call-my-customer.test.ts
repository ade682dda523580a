import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCentralDb } from '../../central/db';
import { SqliteStore } from '../../central/store/sqlite-store';
import { QueueStore } from '../../central/queue/store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import type { Priority } from '../../shared/queue/schemas';

/**
 * "Call my customer" (issue 15): a ticket issued for an identified customer carries the
 * station's customer id; an account manager's call takes only their customers' tickets, in
 * the usual order among them, and a transfer keeps the customer with the ticket.
 */
const HALL = 'H1';
let dir = '';
let store: QueueStore;
const clock = { now: Date.parse('2026-03-02T10:00:00+08:00') };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-call-mine-'));
  const db = new SqliteStore(openCentralDb(join(dir, 'q.db')));
  store = new QueueStore(db, { now: () => clock.now });
  await store.saveConfig(HALL, { config: DEFAULT_QUEUE_CONFIG });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MINE = uuidv7();
const OTHER = uuidv7();

async function issue(priority: Priority, customerRef?: string): Promise<string> {
  clock.now += 1000;
  const id = uuidv7();
  await store.issue(HALL, 'G01', {
    id,
    serviceCode: 'NEW',
    priority,
    channel: 'guide',
    ...(customerRef ? { customerRef } : {}),
  });
  return id;
}

const call = async (counter: string, customers?: string[]) =>
  (
    await store.callNext(HALL, counter, {
      requestId: uuidv7(),
      services: ['NEW'],
      ...(customers ? { customers } : {}),
    })
  ).ticket;

describe('call my customer', () => {
  it('takes the manager’s customer although others wait longer or with a higher priority', async () => {
    await issue('green');
    await issue('normal', OTHER);
    const mine = await issue('normal', MINE);
    const got = await call('C01', [MINE]);
    expect([got?.id, got?.customerRef]).toEqual([mine, MINE]);
    // Nothing more of theirs: nothing, rather than someone else's ticket.
    expect(await call('C02', [MINE])).toBeNull();
    // The ordinary call still goes by priority then arrival.
    expect((await call('C03'))?.priority).toBe('green');
  });

  it('a transferred ticket keeps its customer', async () => {
    const mine = await issue('normal', MINE);
    expect((await call('C01', [MINE]))?.id).toBe(mine);
    const moved = await store.transfer(HALL, 'C01', {
      ticketId: mine,
      toService: 'CHANGE',
      newId: uuidv7(),
    });
    expect(moved.customerRef).toBe(MINE);
  });
});
