import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Database } from '../db';
import { ApiError, apiError } from '../../../../shared/api/errors';
import type {
  ApplicationDetail,
  ApplicationInput,
  FieldValues,
} from '../../../../shared/api/schemas';
import type { StationKind } from '../../../../shared/api/methods/queue';
import { findType } from '../../../../shared/catalogue/applicability';
import type { Catalogue } from '../../../../shared/catalogue/types';
import { maskMobile, maskName } from '../../../../shared/domain/mask';
import { DEFAULT_QUEUE_CONFIG } from '../../../../shared/queue/defaults';
import {
  DEFAULT_KIOSK_CONTENT,
  KioskContentSchema,
  type KioskContent,
  type KioskDraft,
  type LookupInput,
  type LookupResult,
} from '../../../../shared/queue/kiosk';
import type { QueueOp, QueueOpInput, QueueOpOutput } from '../../../../shared/queue/protocol';
import {
  QueueConfigSchema,
  type Channel,
  type IssuedTicket,
  type Priority,
  type QueueConfig,
  type RateInput,
  type Ticket,
} from '../../../../shared/queue/schemas';
import { checkMobile } from '../../../../shared/validators/mobile';
import { toHallIso } from '../../../../shared/hall-time';
import { createChecklists } from './checklists';
import { createCentralLink, QueueRefused, QueueUnreachable, type FetchLike } from './central-link';
import { createOfflineTickets, type OfflineTicketRow } from './offline-tickets';
import { createStationSettings } from './station-settings';

export interface QueueServiceOptions {
  db: Database;
  /** The hall's shared store (the central system); absent = no shared queue at this station. */
  centralUrl?: string;
  hallCode: string;
  stationCode: string;
  registrationSecret: string;
  kind: StationKind;
  catalogue: Catalogue;
  /** For the clerk's verification of a kiosk draft: the same saveDraft the counter uses. */
  saveDraft: (input: ApplicationInput, actor: string) => ApplicationDetail;
  now?: () => number;
  fetch?: FetchLike;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** How often offline tickets are offered to the shared queue again (default 10 s). */
  mergeEveryMs?: number;
  kioskIdleSeconds?: number;
  kioskCountdownSeconds?: number;
}

const SETTINGS = {
  config: 'queue.config',
  current: 'queue.current',
  kioskContent: 'kiosk.content',
  kioskIdle: 'kiosk.idleSeconds',
} as const;

const CurrentSchema = z.object({ id: z.uuid(), number: z.string() }).nullable();

const UNREACHABLE = apiError(
  'UNAVAILABLE',
  '暂时无法连接叫号系统（中心系统），请稍后重试；受理业务不受影响',
  'The shared queue (central system) cannot be reached; retry shortly. Taking applications still works',
);
const NOT_CONFIGURED = apiError(
  'UNAVAILABLE',
  '本台未连接中心系统，共享叫号不可用；受理业务不受影响',
  'This station has no central system configured, so the shared queue is not available. Taking applications still works',
);
const KIOSK_DRAFT_OFFLINE = apiError(
  'UNAVAILABLE',
  '暂时无法提交预填申请，请到服务台办理',
  'The pre-filled application cannot be sent just now; please go to the service desk',
);
const LOOKUP_THROTTLED = apiError(
  'UNAVAILABLE',
  '查询次数过多，请稍后再试',
  'Too many look-ups; please try again in a minute',
);
const LOOKUP_NOT_FOUND = apiError(
  'NOT_FOUND',
  '未找到匹配的申请，请核对申请编号和手机号',
  'No matching application; check the application number and the phone number',
);

/** A refusal or an outage of the shared queue, as the contract's typed error. */
export function queueError(err: unknown): unknown {
  if (err instanceof QueueUnreachable) return UNREACHABLE;
  if (err instanceof QueueRefused) {
    const code =
      err.status === 404
        ? 'NOT_FOUND'
        : err.status === 409
          ? 'CONFLICT'
          : err.status === 401 || err.status === 403
            ? 'FORBIDDEN'
            : 'VALIDATION';
    return apiError(code, err.body.message, err.body.messageEn, {
      ...(err.body.field ? { field: err.body.field } : {}),
    });
  }
  return err;
}

/**
 * The station's queue service: the shared queue through the central link, offline tickets and
 * their merge, the guide's checklists, the kiosk's content, look-up, drafts and ratings.
 */
export function createQueueService(opts: QueueServiceOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const settings = createStationSettings(opts.db);
  const offline = createOfflineTickets(opts.db, opts.stationCode);
  const checklists = createChecklists(opts.db, now);
  const link = opts.centralUrl
    ? createCentralLink({
        db: opts.db,
        baseUrl: opts.centralUrl,
        hallCode: opts.hallCode,
        stationCode: opts.stationCode,
        registrationSecret: opts.registrationSecret,
        now,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      })
    : undefined;
  const channel: Channel =
    opts.kind === 'kiosk' ? 'kiosk' : opts.kind === 'staff' ? 'guide' : 'counter';

  /** One shared-queue call, errors turned into the contract's. */
  async function remote<O extends QueueOp>(
    op: O,
    input: QueueOpInput<O>,
  ): Promise<QueueOpOutput<O>> {
    if (!link) throw NOT_CONFIGURED;
    try {
      return await link.call(op, input);
    } catch (err) {
      if (err instanceof QueueUnreachable) log(`queue: ${op} unreachable: ${err.detail}`);
      throw queueError(err);
    }
  }

  // ---------------------------------------------------------------- configuration

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
      if (err instanceof QueueUnreachable) return { config: cachedConfig(), fresh: false };
      throw queueError(err);
    }
  }

  // ---------------------------------------------------------------- issuing

  function offlineTicket(row: OfflineTicketRow, cfg: QueueConfig): IssuedTicket {
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
      ahead: null,
      warn: false,
    };
  }

  /**
   * A ticket from the shared queue; when it cannot be reached (or none is configured), an
   * offline ticket numbered by this station, merged into the shared queue later.
   */
  async function issue(input: { serviceCode: string; priority: Priority }): Promise<IssuedTicket> {
    const id = uuidv7();
    if (link) {
      try {
        const ticket = await link.call('issue', { id, ...input, channel });
        void mergeOffline();
        return ticket;
      } catch (err) {
        if (!(err instanceof QueueUnreachable)) throw queueError(err);
        log(`queue: issue unreachable, offline ticket: ${err.detail}`);
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
            if (err instanceof QueueUnreachable) return;
            if (err instanceof QueueRefused) {
              if (err.body.reason === 'stale_day' || err.body.reason === 'unknown_service') {
                offline.void(row.id, `${err.status} ${err.body.reason}`);
              } else {
                offline.noteError(row.id, `${err.status} ${err.body.code}`);
              }
              continue;
            }
            throw err;
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

  // ---------------------------------------------------------------- the counter

  function remember(ticket: Ticket | null): void {
    const active = ticket && (ticket.state === 'called' || ticket.state === 'serving');
    settings.write(SETTINGS.current, active ? { id: ticket.id, number: ticket.number } : null);
  }

  /** The ticket this counter is serving, as last seen: applications taken now are linked to it. */
  const currentTicketId = (): string | undefined =>
    settings.read(SETTINGS.current, CurrentSchema, null)?.id;

  const linkedApplications = opts.db.prepare<
    [string],
    { id: string; app_no: string | null; type_code: string; state: string }
  >(
    'SELECT id, app_no, type_code, state FROM applications WHERE ticket_id = ? ORDER BY created_at',
  );

  async function callNext(services: string[]): Promise<{ ticket: Ticket | null }> {
    const requestId = uuidv7();
    let out: { ticket: Ticket | null };
    try {
      out = await remote('callNext', { requestId, services });
    } catch (err) {
      // A lost answer: asking again with the same request id returns the ticket already called.
      if (err !== UNREACHABLE) throw err;
      out = await remote('callNext', { requestId, services });
    }
    remember(out.ticket);
    return out;
  }

  async function current() {
    const { ticket } = await remote('current', {});
    remember(ticket);
    const applications = ticket
      ? linkedApplications.all(ticket.id).map((a) => ({
          id: a.id,
          appNo: a.app_no,
          typeCode: a.type_code,
          state: a.state,
        }))
      : [];
    return { ticket, applications };
  }

  async function step(op: 'recall' | 'serve' | 'noShow', ticketId: string): Promise<Ticket> {
    const ticket = await remote(op, { ticketId });
    remember(ticket);
    return ticket;
  }

  async function transfer(ticketId: string, toService: string): Promise<Ticket> {
    const ticket = await remote('transfer', { ticketId, toService, newId: uuidv7() });
    remember(null);
    return ticket;
  }

  async function finish(ticketId: string, servicesDone: string[]): Promise<Ticket> {
    const applicationIds = linkedApplications
      .all(ticketId)
      .filter((a) => a.state !== 'draft')
      .map((a) => a.id);
    const ticket = await remote('finish', { ticketId, servicesDone, applicationIds });
    remember(null);
    return ticket;
  }

  /**
   * The clerk takes over a kiosk draft: it becomes a local draft linked to the ticket. Fields
   * the customer typed that do not pass the draft checks are left out for the clerk to ask again.
   */
  async function verifyKioskDraft(
    ticketId: string,
    actor: string,
  ): Promise<{ applicationId: string }> {
    const { draft } = await remote('kioskDraft', { ticketId });
    if (!draft)
      throw apiError('NOT_FOUND', '该号没有自助预填申请', 'This ticket has no kiosk draft');
    const fields: FieldValues = { ...draft.fields };
    const input = (): ApplicationInput => ({
      typeCode: draft.typeCode,
      accountKind: draft.accountKind,
      fields,
      papers: [],
      ticketId,
    });
    let detail: ApplicationDetail;
    try {
      detail = opts.saveDraft(input(), actor);
    } catch (err) {
      if (!(err instanceof ApiError) || err.body.code !== 'VALIDATION') throw err;
      const bad = (err.body.fieldErrors ?? [{ field: err.body.field ?? '' }]).map((e) => e.field);
      for (const path of bad) delete fields[path.replace(/^fields\./, '').split('.')[0] ?? ''];
      detail = opts.saveDraft(input(), actor);
    }
    await remote('takeKioskDraft', { ticketId, applicationId: detail.id });
    return { applicationId: detail.id };
  }

  // ---------------------------------------------------------------- kiosk

  const misses: number[] = [];
  const MISS_WINDOW_MS = 60_000;
  const MAX_MISSES = 5;

  function throttled(): boolean {
    const cutoff = now() - MISS_WINDOW_MS;
    while (misses.length && (misses[0] as number) < cutoff) misses.shift();
    return misses.length >= MAX_MISSES;
  }

  const localApp = opts.db.prepare<
    [string, string],
    {
      app_no: string;
      central_no: string | null;
      type_code: string;
      applicant_name: string;
      mobile: string;
      accepted_at: number | null;
      stage: string | null;
      stage_index: number | null;
      stage_count: number | null;
    }
  >(
    `SELECT a.app_no, a.central_no, a.type_code, a.applicant_name, a.mobile, a.accepted_at,
       m.stage, m.stage_index, m.stage_count
     FROM applications a LEFT JOIN sync_mirror m ON m.application_id = a.id
     WHERE a.app_no = ? OR a.central_no = ? LIMIT 1`,
  );

  /**
   * Number plus phone. Looks in this station's own store first, then the hall's; every
   * mismatch, absence or malformed phone answers the same NOT_FOUND, and repeated misses are
   * slowed down so the look-up cannot be used to guess phone numbers.
   */
  async function lookup(input: LookupInput): Promise<LookupResult> {
    if (throttled()) throw LOOKUP_THROTTLED;
    const miss = (): never => {
      misses.push(now());
      throw LOOKUP_NOT_FOUND;
    };
    const mobile = checkMobile(input.mobile);
    if (!mobile.ok) return miss();
    const local = localApp.get(input.appNo, input.appNo);
    if (local) {
      const stored = checkMobile(local.mobile);
      if (!stored.ok || stored.value !== mobile.value) return miss();
      return {
        appNo: local.app_no,
        centralNo: local.central_no,
        typeCode: local.type_code,
        applicantMasked: maskName(local.applicant_name),
        phoneMasked: maskMobile(mobile.value),
        acceptedAt: local.accepted_at === null ? null : toHallIso(local.accepted_at),
        stage: local.stage,
        stageIndex: local.stage_index,
        stageCount: local.stage_count,
      };
    }
    if (!link) return miss();
    try {
      return await link.call('lookup', { appNo: input.appNo, mobile: mobile.value });
    } catch (err) {
      if (err instanceof QueueRefused && err.status === 404) return miss();
      throw queueError(err);
    }
  }

  /** A kiosk draft travels with a new ticket of the service that takes its business type. */
  async function startApplication(draft: KioskDraft, priority: Priority): Promise<IssuedTicket> {
    const type = findType(opts.catalogue, draft.typeCode);
    if (!type || !type.accountKinds.includes(draft.accountKind)) {
      throw apiError('VALIDATION', '请选择业务类型', 'Choose a business type', {
        field: 'draft.typeCode',
      });
    }
    if (!link) throw KIOSK_DRAFT_OFFLINE;
    const cfg = (await config()).config;
    const service =
      cfg.services.find((s) => s.typeCodes.includes(type.code)) ??
      cfg.services.find((s) => s.families.includes(type.family)) ??
      cfg.services[0];
    if (!service) throw KIOSK_DRAFT_OFFLINE;
    try {
      return await link.call('issue', {
        id: uuidv7(),
        serviceCode: service.code,
        priority,
        channel,
        kioskDraft: draft,
      });
    } catch (err) {
      if (err instanceof QueueUnreachable) throw KIOSK_DRAFT_OFFLINE;
      throw queueError(err);
    }
  }

  const kioskContent = (): KioskContent =>
    settings.read(SETTINGS.kioskContent, KioskContentSchema, DEFAULT_KIOSK_CONTENT);

  return {
    stationInfo: () => ({
      kind: opts.kind,
      stationCode: opts.stationCode,
      kioskIdleSeconds: settings.read(
        SETTINGS.kioskIdle,
        z.number().int().min(10).max(3600),
        opts.kioskIdleSeconds ?? 90,
      ),
      kioskCountdownSeconds: opts.kioskCountdownSeconds ?? 15,
      queueConfigured: link !== undefined,
    }),
    status: () => {
      const h = link?.health();
      const c = offline.counts();
      return {
        configured: link !== undefined,
        online: h?.online ?? false,
        lastError: h?.lastError ?? null,
        lastSuccessAt: h?.lastSuccessAt ? toHallIso(h.lastSuccessAt) : null,
        offlinePending: c.pending,
        offlineMerged: c.merged,
        offlineVoid: c.void,
      };
    },
    config,
    saveConfig: async (cfg: QueueConfig) => {
      const saved = await remote('saveConfig', { config: cfg });
      settings.write(SETTINGS.config, saved);
      return saved;
    },
    issue,
    mergeOffline,
    cancel: (ticketId: string) => remote('cancel', { ticketId }),
    callNext,
    current,
    recall: (id: string) => step('recall', id),
    serve: (id: string) => step('serve', id),
    noShow: async (id: string) => {
      const t = await remote('noShow', { ticketId: id });
      remember(null);
      return t;
    },
    transfer,
    finish,
    verifyKioskDraft,
    currentTicketId,
    tickets: (input: QueueOpInput<'tickets'>) => remote('tickets', input),
    board: (limit: number) => remote('board', { limit }),
    measures: (input: QueueOpInput<'measures'>) => remote('measures', input),
    rate: (input: RateInput) => remote('rate', input),
    lookup,
    startApplication,
    kioskContent,
    saveKioskContent: (content: KioskContent): KioskContent => {
      settings.write(SETTINGS.kioskContent, content);
      return kioskContent();
    },
    checklists,
    start,
    stop,
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
