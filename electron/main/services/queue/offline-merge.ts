import { v7 as uuidv7 } from 'uuid';
import { apiError } from '../../../../shared/api/errors';
import { DEFAULT_QUEUE_CONFIG } from '../../../../shared/queue/defaults';
import {
  QueueConfigSchema,
  type IssuedTicket,
  type Priority,
  type QueueConfig,
} from '../../../../shared/queue/schemas';
import { toHallIso } from '../../../../shared/hall-time';
import { SETTINGS, type QueueContext } from './context';
import { isBusinessRefusal } from '../central-client';
import { isUnavailable, queueError } from './errors';
import type { OfflineTicketRow, OfflineTickets } from './offline-tickets';

/**
 * Issuing with the offline fallback: a ticket from the shared queue, or, when it cannot be
 * reached (or none is configured), one numbered by this station and merged into the shared
 * queue later. The queue configuration is cached here for exactly that case.
 */
export function createIssuing(
  ctx: QueueContext,
  offline: OfflineTickets,
  opts: { mergeEveryMs?: number | undefined },
) {
  const { link, settings, now, log, channel } = ctx;

  function cachedConfig(): QueueConfig {
    return settings.read(SETTINGS.config, QueueConfigSchema, DEFAULT_QUEUE_CONFIG);
  }

  async function config(): Promise<{ config: QueueConfig; fresh: boolean }> {
    if (!link) return { config: cachedConfig(), fresh: false };
    try {
      const cfg = await link.call('config', {});
      settings.write(SETTINGS.config, cfg);
      return { config: cfg, fresh: true };
    } catch (err) {
      if (isUnavailable(err)) return { config: cachedConfig(), fresh: false };
      throw queueError(err);
    }
  }

  async function saveConfig(cfg: QueueConfig): Promise<QueueConfig> {
    const saved = await ctx.remote('saveConfig', { config: cfg });
    settings.write(SETTINGS.config, saved);
    return saved;
  }

  async function issue(input: {
    serviceCode: string;
    priority: Priority;
    note?: string | undefined;
    customerId?: string | undefined;
  }): Promise<IssuedTicket> {
    const id = uuidv7();
    if (link) {
      try {
        const { note, customerId, ...rest } = input;
        const ticket = await link.call('issue', {
          id,
          ...rest,
          ...(note ? { note } : {}),
          ...(customerId ? { customerRef: customerId } : {}),
          channel,
        });
        void mergeOffline();
        return ticket;
      } catch (err) {
        if (!isUnavailable(err)) throw queueError(err);
        log(`queue: issue unreachable, offline ticket: ${err.describe()}`);
      }
    }
    const cfg = cachedConfig();
    const service = cfg.services.find((s) => s.code === input.serviceCode);
    if (!service) {
      throw apiError('VALIDATION', '没有该业务队列', 'No such queue service', {
        field: 'serviceCode',
      });
    }
    const row = offline.issue({
      id,
      prefix: service.prefix,
      serviceCode: service.code,
      priority: input.priority,
      channel,
      at: now(),
    });
    return offlineTicket(row, cfg);
  }

  let merging: Promise<void> | undefined;
  /** Offers offline tickets to the shared queue, oldest first; stops at the first outage. */
  function mergeOffline(): Promise<void> {
    if (!link) return Promise.resolve();
    merging ??= (async () => {
      try {
        for (const row of offline.pending()) {
          try {
            await link.call('issue', {
              id: row.id,
              serviceCode: row.service_code,
              priority: row.priority,
              channel: row.channel,
              offline: { number: row.number, issuedAt: toHallIso(row.issued_at) },
            });
            offline.merged(row.id, now());
          } catch (err) {
            if (isUnavailable(err)) return;
            if (!isBusinessRefusal(err)) throw err;
            if (err.body.reason === 'stale_day' || err.body.reason === 'unknown_service') {
              offline.void(row.id, `${err.status} ${err.body.reason}`);
            } else {
              offline.noteError(row.id, `${err.status} ${err.body.code}`);
            }
          }
        }
      } finally {
        merging = undefined;
      }
    })();
    return merging;
  }

  let timer: NodeJS.Timeout | undefined;
  function start(): void {
    if (!link || timer) return;
    timer = setInterval(() => {
      if (offline.counts().pending > 0) {
        mergeOffline().catch((err: unknown) =>
          log(`queue: merge failed: ${err instanceof Error ? err.name : typeof err}`),
        );
      }
    }, opts.mergeEveryMs ?? 10_000);
    timer.unref?.();
  }
  async function stop(): Promise<void> {
    if (timer) clearInterval(timer);
    timer = undefined;
    await merging;
  }

  return { config, cachedConfig, saveConfig, issue, mergeOffline, start, stop };
}

export type Issuing = ReturnType<typeof createIssuing>;

/** An offline ticket as the contract presents tickets (also for an appointment check-in). */
export function offlineTicket(row: OfflineTicketRow, cfg: QueueConfig): IssuedTicket {
  const service = cfg.services.find((s) => s.code === row.service_code);
  return {
    id: row.id,
    number: row.number,
    serviceCode: row.service_code,
    serviceName: service?.name ?? { zh: row.service_code, en: row.service_code },
    priority: row.priority,
    state: 'issued',
    channel: row.channel,
    day: row.day,
    issuedAt: toHallIso(row.issued_at),
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counter: null,
    counterName: null,
    callCount: 0,
    transferredFrom: null,
    servicesDone: [],
    applicationIds: [],
    offline: true,
    hasKioskDraft: false,
    rated: false,
    // An offline ticket keeps no note: the local offline table holds no free text.
    guideNote: '',
    kioskNote: '',
    ahead: null,
    warn: false,
  };
}
