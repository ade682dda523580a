import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCentralDb } from '../../central/db';
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

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-call-mine-'));
  store = new QueueStore(openCentralDb(join(dir, 'q.db')), { now: () => clock.now });
  store.saveConfig(HALL, { config: DEFAULT_QUEUE_CONFIG });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MINE = uuidv7();
const OTHER = uuidv7();

function issue(priority: Priority, customerRef?: string): string {
  clock.now += 1000;
  const id = uuidv7();
  store.issue(HALL, 'G01', {
    id,
    serviceCode: 'NEW',
    priority,
    channel: 'guide',
    ...(customerRef ? { customerRef } : {}),
  });
  return id;
}

const call = (counter: string, customers?: string[]) =>
  store.callNext(HALL, counter, {
    requestId: uuidv7(),
    services: ['NEW'],
    ...(customers ? { customers } : {}),
  }).ticket;

describe('call my customer', () => {
  it('takes the manager’s customer although others wait longer or with a higher priority', () => {
    issue('green');
    issue('normal', OTHER);
    const mine = issue('normal', MINE);
    const got = call('C01', [MINE]);
    expect([got?.id, got?.customerRef]).toEqual([mine, MINE]);
    // Nothing more of theirs: nothing, rather than someone else's ticket.
    expect(call('C02', [MINE])).toBeNull();
    // The ordinary call still goes by priority then arrival.
    expect(call('C03')?.priority).toBe('green');
  });

  it('a transferred ticket keeps its customer', () => {
    const mine = issue('normal', MINE);
    expect(call('C01', [MINE])?.id).toBe(mine);
    const moved = store.transfer(HALL, 'C01', {
      ticketId: mine,
      toService: 'CHANGE',
      newId: uuidv7(),
    });
    expect(moved.customerRef).toBe(MINE);
  });
});
