import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CustomerRecord } from '../../../../shared/api/methods/customers';
import { CATALOGUE } from '../../../../shared/catalogue';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { SELF_SERVICE_STEPS, type SelfServiceStep } from '../../../../shared/queue/checklist';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { testLog } from '../../../../tests/support/test-log';
import { createQueueService } from '../queue/service';
import { queueStationsPerTest } from '../queue/testing/stations';
import { createCustomerArea } from './index';

/**
 * The customer timeline's ticket part (issue 15) against a real central core in process: the
 * hall queue's 取号 and 评价 of the customer, the guide's 引导演示 joined by ticket number and
 * day, the local entries alone (and said so) when the queue is away, and nothing of this hall
 * for another hall's station.
 */
const hall = queueStationsPerTest('HALL-T', 'customer-timeline-');
const DAY = 24 * 60 * 60 * 1000;
// Synthetic: a valid-format credit code and a made-up phone.
const CODE = '91350100M000100Y43';

function counterWithCustomers() {
  const { q, db } = hall.station('C01');
  const area = createCustomerArea({
    db,
    now: () => new Date(hall.clock),
    record: () => undefined,
    ticketsOf: (refs) => q.customerTickets(refs),
    log: (line) => {
      hall.logs.push(line);
      testLog(line);
    },
  });
  const customerId = area.customers.recordFromApplication({
    applicationId: uuidv7(),
    accountKind: 'lv_business',
    fields: { creditCode: CODE, applicantName: '测试电器有限公司', mobile: '13800138000' },
    actor: 'clerk01',
  });
  if (!customerId) throw new Error('no customer recorded');
  return { q, area, customerId };
}

/** A checklist's steps with these done and the rest not. */
const steps = (...done: SelfServiceStep[]) =>
  Object.fromEntries(SELF_SERVICE_STEPS.map((s) => [s, done.includes(s)])) as Record<
    SelfServiceStep,
    boolean
  >;

const entries = (rec: CustomerRecord, kind: string) =>
  rec.timeline.filter((e) => e.kind === kind).map((e) => `${e.ref} ${e.detail}`);

describe('customer timeline: tickets, ratings and guide demos', () => {
  it('shows the customer’s tickets with their rating, and the demos of the same number and day', async () => {
    const { q, area, customerId } = counterWithCustomers();
    const kiosk = hall.station('K01', 'kiosk').q;
    // A demo under the same number the day before belongs to someone else.
    hall.clock -= DAY;
    q.checklists.save({ customer: '昨天的客户', ticketNumber: 'A001', steps: steps() }, 'guide01');
    hall.clock += DAY;

    const served = await q.issue({ serviceCode: 'NEW', priority: 'normal', customerId });
    await q.issue({ serviceCode: 'NEW', priority: 'normal' }); // someone not identified
    q.checklists.save(
      {
        customer: '穿蓝衣的先生',
        ticketNumber: served.number.toLowerCase(),
        steps: steps('register', 'realName'),
        note: '',
      },
      'guide01',
    );
    hall.clock += 5 * 60_000;
    await q.callNext(['NEW']);
    hall.clock += 10 * 60_000;
    await q.finish(served.id, []);
    await kiosk.rate({ ticketNumber: served.number, rating: 'very_satisfied', quality: 4 });

    const rec = await area.reads.recordWithTickets(customerId);
    const seen = {
      ticketPart: rec.ticketPart,
      tickets: entries(rec, 'ticket'),
      ratings: entries(rec, 'rating'),
      demos: entries(rec, 'demo'),
    };
    testLog(`customer_timeline ticket part: ${JSON.stringify(seen)}`);
    expect(seen.ticketPart).toBe('hall');
    expect(seen.tickets).toEqual([`${served.number} NEW done 09:05–09:15`]);
    expect(seen.ratings).toEqual([`${served.number} very_satisfied quality:4`]);
    expect(seen.demos).toEqual([`${served.number} 2/6 guide01`]);
    // The demo's customer description and note never reach the record.
    expect(JSON.stringify(rec)).not.toContain('穿蓝衣');
  });

  it('with the queue unreachable the record shows its local entries and says the ticket part is missing', async () => {
    const { q, area, customerId } = counterWithCustomers();
    await q.issue({ serviceCode: 'NEW', priority: 'normal', customerId });
    hall.linkUp = false;
    const rec = await area.reads.recordWithTickets(customerId);
    testLog(
      `customer_timeline offline: ticketPart=${rec.ticketPart} local entries=${rec.timeline.length}`,
    );
    expect(rec.ticketPart).toBe('unavailable');
    expect(entries(rec, 'ticket')).toEqual([]);
    // The record's own history (the customer created from an application) is still there.
    expect(rec.timeline.map((e) => e.kind)).toContain('contact');
    expect(hall.logs.some((l) => l.includes('ticket part unavailable'))).toBe(true);
  });

  it('a station of another hall asking for this hall’s customer gets nothing', async () => {
    const { q, customerId } = counterWithCustomers();
    await q.issue({ serviceCode: 'NEW', priority: 'normal', customerId });
    const { db } = hall.station('X-DB');
    const stranger = createQueueService({
      db,
      centralUrl: 'http://central.test',
      hallCode: 'HALL-X',
      stationCode: 'C01',
      registrationSecret: DEV_REGISTRATION_SECRET,
      kind: 'staff',
      catalogues: singleCatalogue(CATALOGUE),
      saveDraft: () => {
        throw new Error('not used');
      },
      now: () => hall.clock,
      fetch: (input, init) => hall.core.fetch(input, init),
      log: testLog,
    });
    const theirs = await stranger.customerTickets([customerId]);
    const ours = await q.customerTickets([customerId]);
    testLog(
      `customer_timeline other hall: tickets seen by HALL-X=${theirs.tickets.length}, by HALL-T=${ours.tickets.length}`,
    );
    expect(theirs.tickets).toEqual([]);
    expect(ours.tickets).toHaveLength(1);
  });
});
