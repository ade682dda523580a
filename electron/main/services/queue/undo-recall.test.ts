import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCentralCore, type CentralCore } from '../../../../central/server';
import { ApiError } from '../../../../shared/api/errors';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { KioskDraft } from '../../../../shared/queue/kiosk';
import { UNDO_WINDOW_MS } from '../../../../shared/queue/schemas';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { testLog } from '../../../../tests/support/test-log';
import { createApplicationService } from '../applications/service';
import { openDatabase, type Database } from '../db';
import { createQueueService } from './service';

/**
 * The calling panel's undo (no-show and transfer), the recall of no-shows and the notes that
 * travel with a ticket: station services against the reference central system in process.
 */

const HALL = 'HALL-U';
let dir: string;
let core: CentralCore;
let clock: number;
const dbs: Database[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-queue-undo-'));
  clock = Date.parse('2026-03-02T01:00:00Z'); // 09:00 in the hall
  core = createCentralCore({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
    now: () => clock,
  });
});
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function station(code: string, kind: 'staff' | 'kiosk' = 'staff') {
  const db = openDatabase(join(dir, `${code}.db`), { now: () => new Date(clock), log: testLog });
  dbs.push(db);
  const applications = createApplicationService({
    db,
    catalogues: singleCatalogue(CATALOGUE),
    now: () => new Date(clock),
    hallName: 'test',
    hallCode: HALL,
    stationCode: code,
  });
  const q = createQueueService({
    db,
    centralUrl: 'http://central.test',
    hallCode: HALL,
    stationCode: code,
    registrationSecret: DEV_REGISTRATION_SECRET,
    kind,
    catalogue: CATALOGUE,
    saveDraft: applications.saveDraft,
    now: () => clock,
    fetch: (input, init) => core.fetch(input, init),
    log: testLog,
  });
  return { q, applications };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The central row as stored, for "exactly as it was" comparisons. */
const rowOf = (id: string) =>
  core.db
    .prepare(
      `SELECT state, counter, called_at, call_count, serving_at, finished_at, service_code,
              arrival_at, undo FROM queue_tickets WHERE id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;

describe('undo of a no-show or transfer', () => {
  it('a no-show undone puts the ticket back at this counter exactly as it was', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    await c1.recall(t.id);
    const before = rowOf(t.id);
    clock += 2000;
    await c1.noShow(t.id);
    expect(c1.currentTicketId()).toBeUndefined();
    clock += 3000;
    const back = await c1.undo(t.id, 'noShow');
    expect(back).toMatchObject({ state: 'called', counter: 'C01', callCount: 2, finishedAt: null });
    expect(rowOf(t.id)).toEqual({ ...before, undo: null });
    expect(c1.currentTicketId()).toBe(t.id);
    // Asked again (a lost answer): the same ticket, nothing changes.
    expect((await c1.undo(t.id, 'noShow')).state).toBe('called');
  });

  it('a transfer undone restores the served ticket and removes the row waiting elsewhere', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    clock += 1000;
    await c1.serve(t.id);
    const before = rowOf(t.id);
    clock += 1000;
    const moved = await c1.transfer(t.id, 'CHANGE');
    expect((await c1.tickets({ states: ['issued'] })).map((x) => x.id)).toEqual([moved.id]);
    const back = await c1.undo(t.id, 'transfer');
    expect(back).toMatchObject({ state: 'serving', counter: 'C01', serviceCode: 'NEW' });
    expect(rowOf(t.id)).toEqual({ ...before, undo: null });
    expect(rowOf(moved.id)).toBeUndefined();
    expect(await c1.tickets({ states: ['issued'] })).toEqual([]);
  });

  it('race: another counter called the transferred customer first, so the undo is refused plainly', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    const moved = await c1.transfer(t.id, 'CHANGE');
    const taken = (await c2.callNext(['CHANGE'])).ticket;
    expect(taken?.id).toBe(moved.id);
    const err = await refusal(c1.undo(t.id, 'transfer'));
    expect(err.body.code).toBe('CONFLICT');
    expect(err.body.message).toBe('该号已被其他窗口处理，无法撤销');
    // Nothing moved: C02 still holds the customer, the original row stays transferred.
    expect(rowOf(moved.id)).toMatchObject({ state: 'called', counter: 'C02' });
    expect(rowOf(t.id)).toMatchObject({ state: 'transferred' });
  });

  it('race: a no-show put back in line and called by another counter cannot be undone', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    await c1.noShow(t.id);
    await c2.requeue(t.id);
    expect((await c2.callNext(['NEW'])).ticket?.id).toBe(t.id);
    const err = await refusal(c1.undo(t.id, 'noShow'));
    expect(err.body.message).toBe('该号已被其他窗口处理，无法撤销');
    expect(rowOf(t.id)).toMatchObject({ state: 'called', counter: 'C02' });
  });

  it('refuses when this counter has called the next ticket, or the window has passed', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const a = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    clock += 1000;
    const b = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    await c1.noShow(a.id);
    await c1.callNext(['NEW']);
    const busy = await refusal(c1.undo(a.id, 'noShow'));
    expect(busy.body.message).toBe('本窗口已叫了下一个号，无法撤销');
    expect(rowOf(a.id)).toMatchObject({ state: 'no_show' });
    await c1.noShow(b.id);
    clock += UNDO_WINDOW_MS + 1;
    const late = await refusal(c1.undo(b.id, 'noShow'));
    expect(late.body.message).toBe('已超过撤销时限，请按当前状态继续办理');
    expect(late.body.messageEn).toMatch(/Too late to undo/);
    // The wrong action is refused too: a no-show is not a transfer.
    expect((await refusal(c1.undo(a.id, 'transfer'))).body.code).toBe('CONFLICT');
  });
});

describe('recall of no-shows', () => {
  it('a no-show put back keeps its number and place: it is the next one called', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const first = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    clock += 1000;
    await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    clock += 1000;
    await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await c1.callNext(['NEW']);
    await c1.noShow(first.id);
    const noShows = await c2.tickets({ states: ['no_show'] });
    expect(noShows.map((x) => x.number)).toEqual(['A001']);
    const back = await c2.requeue(first.id);
    expect(back).toMatchObject({
      number: 'A001',
      state: 'issued',
      counter: null,
      priority: 'normal',
    });
    // Repeating is safe.
    expect((await c2.requeue(first.id)).state).toBe('issued');
    expect((await c2.callNext(['NEW'])).ticket?.number).toBe('A001');
    expect((await c1.callNext(['NEW'])).ticket?.number).toBe('A002');
  });

  it('only today’s no-shows go back in line', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const waiting = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    const err = await refusal(c1.requeue(waiting.id));
    expect(err.body.message).toBe('该号不是今天的过号，不能重新排队');
    await c1.callNext(['NEW']);
    await c1.noShow(waiting.id);
    clock += 24 * 3600_000;
    expect((await refusal(c1.requeue(waiting.id))).body.code).toBe('CONFLICT');
  });
});

describe('notes with the ticket', () => {
  it('the guide’s note reaches the counter and follows a transfer', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const t = await guide.issue({
      serviceCode: 'NEW',
      priority: 'normal',
      note: '带齐房产证，问分时电价',
    });
    expect(t.guideNote).toBe('带齐房产证，问分时电价');
    const { ticket } = await c1.callNext(['NEW']);
    expect(ticket?.guideNote).toBe('带齐房产证，问分时电价');
    expect(ticket?.kioskNote).toBe('');
    const moved = await c1.transfer(t.id, 'CHANGE');
    expect(moved.guideNote).toBe('带齐房产证，问分时电价');
  });

  it('the kiosk customer’s note shows with the ticket and lands in the draft’s remarks', async () => {
    const kiosk = station('K01', 'kiosk').q;
    const { q: counter, applications } = station('C01');
    const draft: KioskDraft = {
      typeCode: 'NEW_LV_RES',
      accountKind: 'lv_resident',
      fields: { applicantName: '测试客户', mobile: '13800138000' },
      note: '下午才有空接电话',
    };
    const t = await kiosk.startApplication(draft, 'normal');
    const { ticket } = await counter.callNext(['NEW']);
    expect(ticket?.id).toBe(t.id);
    expect(ticket?.kioskNote).toBe('下午才有空接电话');
    const { applicationId } = await counter.verifyKioskDraft(t.id, 'clerk1');
    expect(applications.get(applicationId).fields.remark).toBe('下午才有空接电话');
  });
});

describe('undo against a call at the same moment', () => {
  it('20 rounds of undo-transfer racing another counter’s call: exactly one of them wins', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    let undone = 0;
    let calledAway = 0;
    for (let round = 0; round < 20; round += 1) {
      const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
      await c1.callNext(['NEW']);
      const moved = await c1.transfer(t.id, 'CHANGE');
      // Both requests in flight together; which is sent first alternates by round.
      const undoing = () => c1.undo(t.id, 'transfer');
      const calling = () => c2.callNext(['CHANGE']);
      const [undo, call] =
        round % 2 === 0
          ? await Promise.allSettled([undoing(), calling()])
          : await Promise.allSettled([calling(), undoing()]).then(([a, b]) => [b, a] as const);
      const won = undo.status === 'fulfilled';
      const took = call.status === 'fulfilled' && call.value.ticket?.id === moved.id;
      expect(won !== took).toBe(true);
      if (won) {
        undone += 1;
        expect(rowOf(moved.id)).toBeUndefined();
        await c1.finish(t.id, []);
      } else {
        calledAway += 1;
        expect(rowOf(t.id)).toMatchObject({ state: 'transferred' });
        await c2.finish(moved.id, []);
      }
      clock += 1000;
    }
    testLog(`undo race: ${undone} rounds undone, ${calledAway} rounds called away by C02 (of 20)`);
    expect(undone + calledAway).toBe(20);
  });
});
