import { v7 as uuidv7 } from 'uuid';
import {
  ALERT_LEVELS,
  ALERT_THRESHOLDS_SOURCE,
  levelRank,
  OUTAGE_SIGNAL,
  OUTAGE_SIGNAL_SOURCE,
  outageVerdict,
  suggestLevel,
  worstLevel,
  unorderedSignal,
  type AlertSignals,
  type AlertThresholds,
} from '../../../../shared/alerts';
import type {
  AlertRaiseInputSchema,
  AlertSuggestion,
  CustomerNotice,
  HallAlert,
  PlannedOutageView,
} from '../../../../shared/api/methods/alerts';
import { apiError } from '../../../../shared/api/errors';
import { describeSource } from '../../../../shared/catalogue/sources';
import { toHallIso } from '../../../../shared/hall-time';
import type { CentralAlert } from '../../../../shared/sync/hall-record-payloads';
import type { PlannedOutage } from '../../../../shared/sync/outage-payloads';
import type { z } from 'zod';
import type { Database } from '../db';
import { createRecordOutbox } from '../requests/outbox-op';
import { createOutageStore } from './outage-store';
import { createAlertStore, type StoredAlert } from './store';

/** The longest an alert may be raised for; a longer matter is raised again (hall's setting). */
export const MAX_ALERT_DAYS = 7;
const DAY_MS = 86_400_000;

export interface AlertSignalSources {
  /** Tickets waiting in the hall queue now; null when the queue cannot be reached. */
  waitingTickets(): Promise<number | null>;
  repeatContactsToday(): number;
  overdueApplications(): number;
}

export interface AlertServiceDeps {
  db: Database;
  now: () => Date;
  hallCode: string;
  stationCode: string;
  thresholds: {
    get(): AlertThresholds;
    set(t: AlertThresholds, actor: string): void;
  };
  signals: AlertSignalSources;
}

const invalid = (field: string, zh: string, en: string) =>
  apiError('VALIDATION', zh, en, { field, fieldErrors: [{ field, message: zh, messageEn: en }] });

/**
 * Hall alerts (红橙黄 for the whole hall): raised by this hall's supervisor or pulled from
 * central, each with its reason, the staff guidance, the customer notice and the guide's
 * prepared answers, until its end time or until ended. Raising and ending queue an operation
 * for central in the same transaction, so the hall's other stations get it on their next sync.
 */
export function createAlertService(deps: AlertServiceDeps) {
  const store = createAlertStore(deps.db);
  const outbox = createRecordOutbox(deps.db);
  const outageStore = createOutageStore(deps.db);
  const nowMs = () => deps.now().getTime();

  const view = (a: StoredAlert): HallAlert => ({
    id: a.id,
    origin: a.origin,
    area: a.area,
    level: a.level,
    reason: a.reason,
    staffGuidance: a.staffGuidance,
    customerNotice: a.customerNotice,
    scripts: a.scripts,
    startsAt: toHallIso(a.startsAt),
    endsAt: toHallIso(a.endsAt),
    raisedBy: a.raisedBy,
  });

  /** Worst first, then the latest raised. */
  const inForce = (): StoredAlert[] =>
    store
      .inForce(nowMs())
      .sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.startsAt - a.startsAt);

  async function suggest(): Promise<AlertSuggestion> {
    const thresholds = deps.thresholds.get();
    const signals: AlertSignals = {
      waitingTickets: await deps.signals.waitingTickets(),
      repeatContactsToday: deps.signals.repeatContactsToday(),
      overdueApplications: deps.signals.overdueApplications(),
    };
    const now = nowMs();
    const outages = outageStore.notEnded(now);
    const verdict = outageVerdict(outages, now);
    const own = suggestLevel(signals, thresholds);
    return {
      ...own,
      level: worstLevel([own.level, verdict.level]),
      thresholds,
      thresholdsSource: describeSource(ALERT_THRESHOLDS_SOURCE),
      plannedOutages: {
        ...verdict,
        soonHours: OUTAGE_SIGNAL.soonHours,
        source: describeSource(OUTAGE_SIGNAL_SOURCE),
        outages: outages.map((o): PlannedOutageView => ({
          id: o.id,
          area: o.area,
          startsAt: toHallIso(o.startsAt),
          endsAt: toHallIso(o.endsAt),
          affected: o.affected,
          customerNotice: o.customerNotice,
          inProgress: o.startsAt <= now,
        })),
      },
    };
  }

  return {
    current: (): HallAlert[] => inForce().map(view),
    notices: (): CustomerNotice[] =>
      inForce()
        .filter((a) => a.customerNotice !== '')
        .map((a) => ({
          id: a.id,
          level: a.level,
          notice: a.customerNotice,
          endsAt: toHallIso(a.endsAt),
        })),

    raise(input: z.output<typeof AlertRaiseInputSchema>, actor: string): HallAlert {
      const now = nowMs();
      const endsAt = Date.parse(input.endsAt);
      if (!(endsAt > now))
        throw invalid('endsAt', '结束时间应晚于现在', 'The end time must be later than now');
      if (endsAt > now + MAX_ALERT_DAYS * DAY_MS)
        throw invalid(
          'endsAt',
          `预警最长${MAX_ALERT_DAYS}天，到期后可再次发布`,
          `An alert lasts ${MAX_ALERT_DAYS} days at most; raise it again after`,
        );
      if (!ALERT_LEVELS.includes(input.level))
        throw invalid('level', '请选择预警级别', 'Choose a level');
      const alert: StoredAlert = {
        id: uuidv7(),
        origin: 'hall',
        area: null,
        level: input.level,
        reason: input.reason,
        staffGuidance: input.staffGuidance,
        customerNotice: input.customerNotice,
        scripts: input.scripts,
        startsAt: now,
        endsAt,
        raisedBy: actor,
        endedAt: null,
        endedBy: null,
      };
      store.transaction(() => {
        store.put(alert, now);
        outbox.enqueue(
          'alert.raise',
          alert.id,
          {
            id: alert.id,
            hallCode: deps.hallCode,
            stationCode: deps.stationCode,
            level: alert.level,
            reason: alert.reason,
            staffGuidance: alert.staffGuidance,
            customerNotice: alert.customerNotice,
            scripts: alert.scripts,
            startsAt: toHallIso(now),
            endsAt: toHallIso(endsAt),
            raisedBy: actor,
          },
          now,
        );
      });
      return view(alert);
    },

    end(id: string, actor: string): { ended: true } {
      const alert = store.byId(id);
      if (!alert) throw apiError('NOT_FOUND', '找不到该预警', 'Alert not found', { field: 'id' });
      if (alert.origin === 'central')
        throw apiError(
          'CONFLICT',
          '区域预警由中心系统发布和结束，本厅不能结束',
          'An area alert is raised and ended by central, not by the hall',
          { field: 'id' },
        );
      const now = nowMs();
      store.transaction(() => {
        if (!store.end(id, now, actor))
          throw apiError('CONFLICT', '该预警已结束', 'This alert has ended already', {
            field: 'id',
          });
        outbox.enqueue(
          'alert.end',
          id,
          { id, hallCode: deps.hallCode, endedAt: toHallIso(now), endedBy: actor },
          now,
        );
      });
      return { ended: true };
    },

    suggest,

    async setThresholds(t: AlertThresholds, actor: string): Promise<AlertSuggestion> {
      const bad = unorderedSignal(t);
      if (bad)
        throw invalid(
          bad,
          '阈值应不小于1，且黄≤橙≤红',
          'Thresholds must be 1 or more and rise from yellow to orange to red',
        );
      deps.thresholds.set(t, actor);
      return suggest();
    },

    /** Central's planned outages for the hall's area (the sync cycle's pull): the whole set. */
    mirrorOutages: (outages: readonly PlannedOutage[]): void =>
      outageStore.replace(outages, nowMs()),

    /** The hall's alerts as central holds them (the sync cycle's pull). */
    mirror(alerts: readonly CentralAlert[]): void {
      const now = nowMs();
      store.transaction(() => {
        for (const a of alerts)
          store.put(
            {
              ...a,
              startsAt: Date.parse(a.startsAt),
              endsAt: Date.parse(a.endsAt),
              endedAt: a.endedAt === null ? null : Date.parse(a.endedAt),
            },
            now,
          );
      });
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
