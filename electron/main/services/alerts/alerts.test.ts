import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertSuggestion, HallAlert } from '../../../../shared/api/methods/alerts';
import { DEFAULT_ALERT_THRESHOLDS } from '../../../../shared/alerts';
import { createOutboxStore } from '../sync/outbox-store';
import { servicesPerTest } from '../testing/harness';
import { createAlertService } from './service';
import { testLog } from '../../../../tests/support/test-log';

let clock: Date;
beforeEach(() => {
  clock = new Date('2026-12-01T09:00:00+08:00');
});
const h = servicesPerTest({
  prefix: 'hall-alerts-',
  actor: 'S001',
  options: () => ({ now: () => clock }),
});
const call = h.call;

const orange = {
  level: 'orange',
  reason: '高温负荷高，报修激增',
  staffGuidance: '优先办理报修，延长窗口',
  customerNotice: '今日报修较多，请耐心等候',
  scripts: ['您好，抢修人员已出发'],
  endsAt: '2026-12-01T18:00:00+08:00',
};

describe('hall alerts', () => {
  it('a raised alert is in force on staff screens and its notice on customer screens until it ends', async () => {
    const a = await call<HallAlert>('alerts.raise', orange);
    expect(a).toMatchObject({ level: 'orange', origin: 'hall', raisedBy: 'S001' });
    const current = await call<{ alerts: HallAlert[] }>('alerts.current', {});
    expect(current.alerts.map((x) => x.staffGuidance)).toEqual(['优先办理报修，延长窗口']);
    const notices = await call<{ notices: { notice: string }[] }>('alerts.notices', {});
    expect(notices.notices.map((n) => n.notice)).toEqual(['今日报修较多，请耐心等候']);
    // Past its end time it is no longer in force.
    clock = new Date('2026-12-01T18:00:01+08:00');
    expect((await call<{ alerts: HallAlert[] }>('alerts.current', {})).alerts).toEqual([]);
  });

  it('ending is audited and synced; raise and end travel in order; texts are sealed', async () => {
    const a = await call<HallAlert>('alerts.raise', orange);
    await call('alerts.end', { id: a.id });
    expect((await call<{ alerts: HallAlert[] }>('alerts.current', {})).alerts).toEqual([]);
    const ops = createOutboxStore(h.services.db).byState('pending');
    expect(ops.map((o) => [o.kind, o.application_id])).toEqual([
      ['alert.raise', a.id],
      ['alert.end', a.id],
    ]);
    const audit = h.services.db
      .prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id')
      .pluck()
      .all(a.id);
    expect(audit).toEqual(['alert_raise', 'alert_end']);
    const raw = JSON.stringify(h.services.db.prepare('SELECT texts FROM hall_alerts').all());
    expect(raw).not.toContain('报修');
    await expect(call('alerts.end', { id: a.id })).rejects.toThrow('已结束');
  });

  it('raising and ending push alerts.changed to staff screens, never to the kiosk', async () => {
    const heard: Record<string, string[]> = { guide: [], kiosk: [] };
    for (const role of ['guide', 'kiosk'] as const)
      h.services.events.bus.subscribe({ role }, (e) => heard[role]?.push(e.name));
    const a = await call<HallAlert>('alerts.raise', orange);
    await call('alerts.end', { id: a.id });
    expect(heard.guide?.filter((n) => n === 'alerts.changed')).toHaveLength(2);
    expect(heard.kiosk).toEqual([]);
  });

  it('refuses an end time in the past or more than 7 days ahead', async () => {
    await expect(
      call('alerts.raise', { ...orange, endsAt: '2026-12-01T08:00:00+08:00' }),
    ).rejects.toThrow('结束时间应晚于现在');
    await expect(
      call('alerts.raise', { ...orange, endsAt: '2026-12-09T09:00:00+08:00' }),
    ).rejects.toThrow('最长7天');
  });

  it('mirrors central alerts: an area alert shows, cannot be ended here, and its end arrives', async () => {
    const areaId = '0193a1b2-0000-7000-8000-000000000001';
    const area = {
      id: areaId,
      origin: 'central' as const,
      area: '鼓楼区',
      level: 'red' as const,
      reason: '计划停电',
      staffGuidance: '',
      customerNotice: '鼓楼区今日计划停电',
      scripts: [],
      startsAt: '2026-12-01T08:00:00+08:00',
      endsAt: '2026-12-01T20:00:00+08:00',
      raisedBy: 'central',
      endedAt: null,
      endedBy: null,
    };
    // What the sync cycle's pull hands over (pull.ts), on the same database.
    const svc = createAlertService({
      db: h.services.db,
      now: () => clock,
      hallCode: 'HALL01',
      stationCode: 'C01',
      thresholds: { get: () => DEFAULT_ALERT_THRESHOLDS, set: () => undefined },
      signals: {
        waitingTickets: () => Promise.resolve(null),
        repeatContactsToday: () => 0,
        overdueApplications: () => 0,
      },
    });
    svc.mirror([area]);
    const current = await call<{ alerts: HallAlert[] }>('alerts.current', {});
    expect(current.alerts.map((a) => [a.origin, a.area, a.level])).toEqual([
      ['central', '鼓楼区', 'red'],
    ]);
    await expect(call('alerts.end', { id: areaId })).rejects.toThrow('区域预警由中心系统');
    svc.mirror([{ ...area, endedAt: '2026-12-01T12:00:00+08:00', endedBy: 'central' }]);
    expect((await call<{ alerts: HallAlert[] }>('alerts.current', {})).alerts).toEqual([]);
  });

  it('suggests nothing in an empty hall, says the queue count is unknown offline, follows new thresholds', async () => {
    const s = await call<AlertSuggestion>('alerts.suggest', {});
    testLog(
      `suggestion with no queue and an empty hall: ${s.level}; ${s.signals.map((x) => `${x.signal}=${x.value}`).join(' ')}`,
    );
    expect(s.level).toBe('none');
    expect(s.signals.find((x) => x.signal === 'waitingTickets')?.value).toBeNull();
    expect(s.thresholds).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(s.thresholdsSource.zh).toContain('本厅设置');
    const lower = {
      ...DEFAULT_ALERT_THRESHOLDS,
      overdueApplications: { yellow: 1, orange: 1, red: 1 },
    };
    const after = await call<AlertSuggestion>('alerts.setThresholds', lower);
    expect(after.thresholds.overdueApplications).toEqual({ yellow: 1, orange: 1, red: 1 });
    await expect(
      call('alerts.setThresholds', { ...lower, waitingTickets: { yellow: 9, orange: 3, red: 30 } }),
    ).rejects.toThrow('黄≤橙≤红');
  });
});
