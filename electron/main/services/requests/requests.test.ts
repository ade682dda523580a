import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../../../shared/api/methods/requests';
import { createOutboxStore } from '../sync/outbox-store';
import { servicesPerTest } from '../testing/harness';
import { testLog } from '../../../../tests/support/test-log';

let clock: Date;
beforeEach(() => {
  clock = new Date('2026-12-01T09:00:00+08:00');
});
const h = servicesPerTest({
  prefix: 'hall-requests-',
  actor: 'S001',
  options: () => ({ now: () => clock }),
});
const call = h.call;
const fails = async (method: string, input: unknown): Promise<string> =>
  call(method, input).then(
    () => 'no error',
    (e: Error) => e.message,
  );

const outboxRows = () => {
  const store = createOutboxStore(h.services.db);
  return store.byState('pending').map((r) => ({
    kind: r.kind,
    id: r.application_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
};

describe('故障报修 at the counter', () => {
  it('is taken with its arrival commitment and queued for central in the same step', async () => {
    const r = await call<RequestSummary>('requests.reportFault', {
      accountNo: '1234567890',
      phone: '138 0013 8000',
      faultKind: 'no_power_home',
      areaKind: 'rural',
    });
    testLog(
      `fault report ${r.requestNo}: arrive within ${r.arrivalMinutes} min, by ${r.arriveBy}, sync ${r.syncState}`,
    );
    expect(r).toMatchObject({
      kind: 'fault',
      arrivalMinutes: 90,
      arriveBy: '2026-12-01T10:30:00.000+08:00',
      phoneMasked: '138****8000',
      accountNoMasked: '12******90',
      syncState: 'queued',
    });
    expect(r.requestNo).toBe('C01-20261201-GZ001');
    const [op] = outboxRows();
    expect(op).toMatchObject({ kind: 'request.fault', id: r.id });
    expect(op?.payload).toMatchObject({
      arrivalMinutes: 90,
      phone: '13800138000',
      areaKind: 'rural',
    });
    // Sealed at rest: the phone is not in the row as typed or normalised.
    const raw = JSON.stringify(h.services.db.prepare('SELECT * FROM service_requests').all());
    expect(raw).not.toContain('13800138000');
  });

  it('refuses a report with no place and a bad phone, naming the fields', async () => {
    const msg = await fails('requests.reportFault', {
      phone: '123',
      faultKind: 'no_power_home',
      areaKind: 'urban',
    });
    expect(msg).toContain('accountNo');
    expect(msg).toContain('请填写户号或故障地址');
    expect(msg).toContain('"phone"');
  });
});

describe('信息订阅 consent', () => {
  const subscribe = (consentGiven: boolean) =>
    call<RequestSummary>('requests.subscribe', {
      mobile: '13800138000',
      channels: ['sms', 'app'],
      topics: ['outage'],
      consentGiven,
      consentMethod: 'signed',
    });

  it('is recorded with who, when, how and which statement; withdrawn once, synced both times', async () => {
    expect(await subscribe(false).catch((e: Error) => e.message)).toContain('未取得客户同意');
    const s = await subscribe(true);
    expect(s.consent).toEqual({
      at: '2026-12-01T09:00:00.000+08:00',
      method: 'signed',
      version: '2026.2',
    });
    clock = new Date('2026-12-05T15:00:00+08:00');
    const w = await call<RequestSummary>('requests.withdrawConsent', { id: s.id });
    expect(w.withdrawnAt).toBe('2026-12-05T15:00:00.000+08:00');
    expect(w.consent).toEqual(s.consent);
    expect(await fails('requests.withdrawConsent', { id: s.id })).toContain('已撤回');
    expect(outboxRows().map((o) => o.kind)).toEqual([
      'request.subscribe',
      'request.withdrawConsent',
    ]);
    const audit = h.services.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'consent_%' ORDER BY id")
      .pluck()
      .all();
    expect(audit).toEqual(['consent_record', 'consent_withdraw']);
  });
});

describe('咨询 for the statistics', () => {
  it('keeps the answer in the hall and sends only the topic', async () => {
    const e = await call<RequestSummary>('requests.enquiry', {
      topic: 'tariff',
      question: '阶梯电价怎么算',
      answer: '按年度阶梯执行',
    });
    expect(e.kind).toBe('enquiry');
    const [op] = outboxRows();
    expect(op?.payload).toMatchObject({ topic: 'tariff', answered: true });
    expect(JSON.stringify(op?.payload)).not.toContain('阶梯电价怎么算');
    const list = await call<{ rows: RequestSummary[] }>('requests.list', { kind: 'enquiry' });
    expect(list.rows.map((r) => r.requestNo)).toEqual(['C01-20261201-ZX001']);
  });
});

describe('the dashboard counts requests', () => {
  it('by kind over the range, with withdrawn consents', async () => {
    await call('requests.enquiry', { topic: 'billing', answer: '已解释电费构成' });
    const s = await call<RequestSummary>('requests.subscribe', {
      mobile: '13800138000',
      channels: ['sms'],
      topics: ['bill'],
      consentGiven: true,
      consentMethod: 'verbal',
    });
    await call('requests.withdrawConsent', { id: s.id });
    const d = await call<{ requests: Record<string, number> }>('dashboard.get', {
      from: '2026-12-01',
      to: '2026-12-01',
    });
    testLog(`dashboard requests 2026-12-01: ${JSON.stringify(d.requests)}`);
    expect(d.requests).toEqual({
      fault: 0,
      subscription: 1,
      enquiry: 1,
      withdrawn: 1,
      customerUpdate: 0,
    });
  });
});
