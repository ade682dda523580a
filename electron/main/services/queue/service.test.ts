import { createApplicationRepository } from '../applications/repository';
import { describe, expect, it } from 'vitest';
import { queueStationsPerTest, refusal } from './testing/stations';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { DEFAULT_QUEUE_CONFIG } from '../../../../shared/queue/defaults';
import type { KioskDraft } from '../../../../shared/queue/kiosk';
import { createApplicationService } from '../applications/service';
import { fakeApplicationInput, rng } from '../testing/fixtures';

/**
 * The station's queue service against the reference central system (in process, through its
 * real Hono app and SQLite file), with a link that can be cut to play an outage.
 */

const HALL = 'HALL-Q';
const hall = queueStationsPerTest(HALL, 'hall-queue-svc-');
const station = hall.station;
const MIN = 60_000;

describe('the station queue service', () => {
  it('guide issues, counter calls, serves and finishes; another counter never sees the ticket', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    expect(t.number).toBe('A001');
    expect(t.offline).toBe(false);
    expect(t.ahead).toBe(0);
    const { ticket } = await c1.callNext(['NEW', 'CHANGE']);
    expect(ticket?.id).toBe(t.id);
    expect(ticket?.counter).toBe('C01');
    expect((await c2.callNext(['NEW'])).ticket).toBeNull();
    expect(c1.currentTicketId()).toBe(t.id);
    await c1.serve(t.id);
    // Another counter cannot finish it.
    const other = await refusal(c2.finish(t.id, ['NEW_LV_RES']));
    expect(other.body.code).toBe('CONFLICT');
    const done = await c1.finish(t.id, ['NEW_LV_RES']);
    expect(done.state).toBe('done');
    expect(done.servicesDone).toEqual(['NEW_LV_RES']);
    expect(c1.currentTicketId()).toBeUndefined();
  });

  it('the served ticket is read once per handle and follows every call and finish', async () => {
    const guide = station('G01').q;
    const c1 = station('C01');
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    expect(c1.q.currentTicketId()).toBeUndefined();
    await c1.q.callNext(['NEW']);
    expect(c1.q.currentTicketId()).toBe(t.id);
    // The same station opened again (a restart): its new handle reads what was stored.
    const again = station('C01');
    expect(again.db).not.toBe(c1.db);
    expect(again.q.currentTicketId()).toBe(t.id);
    await again.q.finish(t.id, ['NEW_LV_RES']);
    expect(again.q.currentTicketId()).toBeUndefined();
    const u = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    await again.q.callNext(['NEW']);
    expect(again.q.currentTicketId()).toBe(u.id);
    expect(station('C01').q.currentTicketId()).toBe(u.id);
  });

  it('links applications taken while serving, and sends them with finish', async () => {
    const guide = station('G01').q;
    const { q: counter, db } = station('C01');
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'vip' });
    await counter.callNext(['NEW']);
    // What createServices does for applications.submit: the current ticket is attached.
    const applications = createApplicationService({
      db,
      catalogues: singleCatalogue(CATALOGUE),
      now: () => new Date(hall.clock),
      hallName: 'test',
      hallCode: HALL,
      stationCode: 'C01',
    });
    const input = fakeApplicationInput(
      findType(CATALOGUE, 'NEW_LV_RES')!,
      rng(7),
      new Date(hall.clock),
    );
    const app = applications.submit({ ...input, ticketId: counter.currentTicketId() }, 'clerk1');
    expect(app.ticketId).toBe(t.id);
    const current = await counter.current();
    expect(current.applications.map((a) => a.id)).toEqual([app.id]);
    const done = await counter.finish(t.id, ['NEW_LV_RES']);
    expect(done.applicationIds).toEqual([app.id]);
  });

  it('issues offline tickets when the shared queue is down, says so, and merges them with their time', async () => {
    const guide = station('G01').q;
    const counter = station('C01').q;
    hall.linkUp = false;
    const off = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    expect(off.offline).toBe(true);
    expect(off.number).toBe('G01-A001');
    expect(off.ahead).toBeNull();
    expect(guide.status()).toMatchObject({ configured: true, online: false, offlinePending: 1 });
    const down = await refusal(counter.callNext(['NEW']));
    expect(down.body.code).toBe('UNAVAILABLE');
    expect(down.body.message).toContain('受理业务不受影响');
    expect(down.body.messageEn).toMatch(/cannot be reached/);

    hall.clock += 5 * MIN;
    hall.linkUp = true;
    const online = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    expect(online.number).toBe('A001');
    await guide.mergeOffline();
    expect(guide.status()).toMatchObject({ online: true, offlinePending: 0, offlineMerged: 1 });
    // The offline customer arrived first, so is called first, under the number they hold.
    const first = (await counter.callNext(['NEW'])).ticket;
    expect(first?.number).toBe('G01-A001');
    expect(first?.offline).toBe(true);
    expect(first?.issuedAt).toBe(off.issuedAt);
    // Merging again changes nothing (idempotent by ticket id).
    await guide.mergeOffline();
    const rows = hall.core.db.prepare('SELECT count(*) AS n FROM queue_tickets').get() as {
      n: number;
    };
    expect(rows.n).toBe(2);
  });

  it('voids an offline ticket that reaches the shared queue only on another hall day', async () => {
    const guide = station('G01').q;
    hall.linkUp = false;
    await guide.issue({ serviceCode: 'CHANGE', priority: 'normal' });
    hall.clock += 24 * 60 * MIN;
    hall.linkUp = true;
    await guide.mergeOffline();
    expect(guide.status()).toMatchObject({ offlinePending: 0, offlineVoid: 1, offlineMerged: 0 });
  });

  it('kiosk draft travels with its ticket; the clerk verifies it into a local draft linked to it', async () => {
    const kiosk = station('K01', 'kiosk').q;
    const { q: counter, db } = station('C01');
    const draft: KioskDraft = {
      typeCode: 'NEW_LV_RES',
      accountKind: 'lv_resident',
      fields: {
        applicantName: '测试客户',
        idNumber: '11010519491231002X',
        mobile: '13800138000',
        address: {
          province: '北京市',
          city: '北京市',
          district: '西城区',
          street: '',
          detail: '测试路1号',
        },
      },
      note: '',
    };
    const t = await kiosk.startApplication(draft, 'normal');
    expect(t.hasKioskDraft).toBe(true);
    expect(t.channel).toBe('kiosk');
    expect(t.serviceCode).toBe('NEW');
    // Only the counter holding the ticket may read what the customer typed.
    const early = await refusal(counter.verifyKioskDraft(t.id, 'clerk1'));
    expect(early.body.code).toBe('CONFLICT');
    await counter.callNext(['NEW']);
    const other = station('C02').q;
    expect((await refusal(other.verifyKioskDraft(t.id, 'clerk2'))).body.code).toBe('CONFLICT');
    const { applicationId } = await counter.verifyKioskDraft(t.id, 'clerk1');
    const row = db
      .prepare('SELECT state, ticket_id, applicant_name FROM applications WHERE id = ?')
      .get(applicationId) as { state: string; ticket_id: string; applicant_name: string };
    expect(row).toMatchObject({ state: 'draft', ticket_id: t.id, applicant_name: '测试客户' });
    const central = hall.core.db
      .prepare('SELECT kiosk_application_id FROM queue_tickets WHERE id = ?')
      .get(t.id) as { kiosk_application_id: string };
    expect(central.kiosk_application_id).toBe(applicationId);
    // A kiosk field that fails the draft checks is left for the clerk, not a failed verify
    // (the certificate number is checked at the kiosk itself: see kiosk-certificates.test.ts).
    const bad = await kiosk.startApplication(
      { ...draft, fields: { ...draft.fields, accountNo: '12' } },
      'normal',
    );
    await counter.finish(t.id, []);
    await counter.callNext(['NEW']);
    const second = await counter.verifyKioskDraft(bad.id, 'clerk1');
    const fields = createApplicationRepository(db).findById(second.applicationId)?.fields_json;
    expect(JSON.parse(fields ?? '{}')).toEqual(expect.any(Object));
    expect(JSON.parse(fields ?? '{}')).not.toHaveProperty('accountNo');
    // Nothing the customer typed reached the log.
    expect(hall.logs.join('\n')).not.toMatch(/13800138000|11010519491231002X|测试客户/);
  });

  it('kiosk drafts need the shared store: refused plainly when it is down', async () => {
    const kiosk = station('K01', 'kiosk').q;
    hall.linkUp = false;
    const err = await refusal(
      kiosk.startApplication(
        {
          typeCode: 'NEW_LV_RES',
          accountKind: 'lv_resident',
          fields: { applicantName: '某某', mobile: '13800138000' },
          note: '',
        },
        'normal',
      ),
    );
    expect(err.body.code).toBe('UNAVAILABLE');
    expect(err.body.message).toContain('服务台');
  });

  it('ratings: only a finished ticket of today, once', async () => {
    const guide = station('G01').q;
    const counter = station('C01').q;
    const kiosk = station('K01', 'kiosk').q;
    const t = await guide.issue({ serviceCode: 'GENERAL', priority: 'normal' });
    expect(
      (await refusal(kiosk.rate({ ticketNumber: 'C999', rating: 'satisfied' }))).body.code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(kiosk.rate({ ticketNumber: t.number, rating: 'satisfied' }))).body.code,
    ).toBe('CONFLICT');
    await counter.callNext(['GENERAL']);
    await counter.finish(t.id, []);
    await kiosk.rate({
      ticketNumber: t.number.toLowerCase(),
      rating: 'very_satisfied',
      attitude: 5,
      quality: 4,
      efficiency: 3,
    });
    const again = await refusal(kiosk.rate({ ticketNumber: t.number, rating: 'dissatisfied' }));
    expect(again.body.code).toBe('CONFLICT');
    expect(again.body.message).toContain('已评价');
    const m = await counter.measures({});
    expect(m.ratings).toMatchObject({
      count: 1,
      verySatisfied: 1,
      avgAttitude: 5,
      avgQuality: 4,
      avgEfficiency: 3,
    });
  });

  it('look-up needs number and phone to match; everything else is the same not-found, then slowed', async () => {
    const { q: kiosk, db } = station('K01', 'kiosk');
    const applications = createApplicationService({
      db,
      catalogues: singleCatalogue(CATALOGUE),
      now: () => new Date(hall.clock),
      hallName: 'test',
      hallCode: HALL,
      stationCode: 'K01',
    });
    const input = fakeApplicationInput(
      findType(CATALOGUE, 'NEW_LV_RES')!,
      rng(3),
      new Date(hall.clock),
    );
    const app = applications.submit(input, 'clerk1');
    const mobile = String(input.fields.mobile);
    const found = await kiosk.lookup({ appNo: app.appNo, mobile });
    expect(found.appNo).toBe(app.appNo);
    expect(found.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(found.applicantMasked).not.toBe(String(input.fields.applicantName));
    expect(JSON.stringify(found)).not.toContain(mobile);

    const wrongPhone = await refusal(kiosk.lookup({ appNo: app.appNo, mobile: '13900000000' }));
    const noSuchApp = await refusal(kiosk.lookup({ appNo: 'C01209901010001', mobile }));
    const badPhone = await refusal(kiosk.lookup({ appNo: app.appNo, mobile: '12345' }));
    for (const e of [wrongPhone, noSuchApp, badPhone]) {
      expect(e.body).toEqual(wrongPhone.body);
      expect(e.body.code).toBe('NOT_FOUND');
    }
    await refusal(kiosk.lookup({ appNo: app.appNo, mobile: '13900000001' }));
    await refusal(kiosk.lookup({ appNo: app.appNo, mobile: '13900000002' }));
    // Five misses in a minute: even the right pair waits.
    const slowed = await refusal(kiosk.lookup({ appNo: app.appNo, mobile }));
    expect(slowed.body.code).toBe('RATE_LIMITED');
    hall.clock += 61_000;
    expect((await kiosk.lookup({ appNo: app.appNo, mobile })).appNo).toBe(app.appNo);
  });

  it('measures: waits, service times, no-shows and long waits, per service and per counter', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const a = await guide.issue({ serviceCode: 'NEW', priority: 'normal' }); // t=0
    const b = await guide.issue({ serviceCode: 'NEW', priority: 'normal' }); // t=0
    hall.clock += 2 * MIN;
    const c = await guide.issue({ serviceCode: 'CHANGE', priority: 'normal' }); // t=2
    hall.clock += 3 * MIN; // t=5: a waited 5
    await c1.callNext(['NEW']);
    await c1.serve(a.id);
    hall.clock += 10 * MIN; // t=15: a served 10
    await c1.finish(a.id, []);
    hall.clock += 5 * MIN; // t=20: b waited 20 (long), c waited 18 (long)
    await c2.callNext(['NEW']);
    await c2.noShow(b.id);
    await c1.callNext(['CHANGE']);
    hall.clock += 4 * MIN; // t=24: c served 4 (never marked serving: from the call)
    await c1.finish(c.id, []);
    const d = await guide.issue({ serviceCode: 'NEW', priority: 'normal' }); // t=24
    hall.clock += 16 * MIN; // t=40: d still waiting for 16 (long)
    const m = await c1.measures({});
    const byService = Object.fromEntries(m.byService.map((r) => [r.key, r]));
    expect(byService.NEW).toMatchObject({
      issued: 3,
      served: 1,
      noShows: 1,
      avgWaitMinutes: (5 + 20) / 2,
      maxWaitMinutes: 20,
      avgServiceMinutes: 10,
      longWaits: 1,
      waitingNow: 1,
      waitingLongNow: 1,
    });
    expect(byService.CHANGE).toMatchObject({
      issued: 1,
      served: 1,
      avgWaitMinutes: 18,
      avgServiceMinutes: 4,
      longWaits: 1,
    });
    const byCounter = Object.fromEntries(m.byCounter.map((r) => [r.key, r]));
    expect(byCounter.C01).toMatchObject({ served: 2, noShows: 0, avgWaitMinutes: (5 + 18) / 2 });
    expect(byCounter.C02).toMatchObject({ served: 0, noShows: 1, avgWaitMinutes: 20 });
    expect(m.total).toMatchObject({ issued: 4, served: 2, noShows: 1, longWaits: 2 });
    expect(d.state).toBe('issued');
  });

  it('a counter holding a ticket cannot call the next one; transfer keeps the number', async () => {
    const guide = station('G01').q;
    const c1 = station('C01').q;
    const c2 = station('C02').q;
    const t = await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    hall.clock += 1000;
    await guide.issue({ serviceCode: 'CHANGE', priority: 'normal' });
    await c1.callNext(['NEW']);
    expect((await refusal(c1.callNext(['NEW']))).body.code).toBe('CONFLICT');
    const moved = await c1.transfer(t.id, 'CHANGE');
    expect(moved).toMatchObject({
      number: 'A001',
      serviceCode: 'CHANGE',
      state: 'issued',
      transferredFrom: t.id,
    });
    // The transferred customer arrived before B001, so is called first in CHANGE.
    expect((await c2.callNext(['CHANGE'])).ticket?.number).toBe('A001');
  });

  it('keeps the last configuration for offline issuing and refuses unknown services', async () => {
    const guide = station('G01').q;
    const custom = {
      ...DEFAULT_QUEUE_CONFIG,
      services: [
        ...DEFAULT_QUEUE_CONFIG.services,
        { ...DEFAULT_QUEUE_CONFIG.services[0]!, code: 'HV', prefix: 'H' },
      ],
    };
    await guide.saveConfig(custom);
    hall.linkUp = false;
    expect((await guide.config()).fresh).toBe(false);
    const off = await guide.issue({ serviceCode: 'HV', priority: 'normal' });
    expect(off.number).toBe('G01-H001');
    const err = await refusal(guide.issue({ serviceCode: 'NOPE', priority: 'normal' }));
    expect(err.body.field).toBe('serviceCode');
  });
});
