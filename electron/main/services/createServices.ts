import { createDispatcher, type Dispatch } from '../../../shared/api/dispatcher';
import { CATALOGUES, requestsAlong } from '../../../shared/catalogue/versions';
import { dirname, join } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { createApplicationService } from './applications/service';
import { openDatabase } from './db';
import { refuseNewKeysForSealedData } from './crypto/missing-key-guard';
import { createCustomerArea } from './customers';
import { createSensitiveArea } from './sensitive';
import { createCustomerUpdateHandlers } from './customer-update';
import { customerAlongSubmit, customerHooks } from './customers/hooks';
import { combine, withHooks } from './compose';
import { crossCuttingHooks } from './hooks';
import { createHandlers } from './handlers';
import { createServiceCommitments } from './dashboard';
import { createAuthArea } from './auth/compose';
import { createQueueHandlers, createQueueService } from './queue';
import { createAppointmentHandlers, createStationAppointments } from './appointments';
import { createOfflineTickets } from './queue/offline-tickets';
import { createCentralConnection, resolveEnrolment, usesDevelopmentSecret } from './central-client';
import { checkHubEndpoint, createHubConnection } from './central-client/hub';
import { checkCentralUrl } from './sync/central-url';
import { createSyncService } from './sync';
import { createHallLogger } from './logging';
import {
  createFieldCipher,
  defaultKeyFile,
  ephemeralKeys,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
  type HallKeys,
} from './crypto';
import { createOperations } from './operations';
import { applyPendingRestore } from './db/restore';
import { startWalCheckpointerLater } from './db/wal-checkpointer';
import { createStationHandlers, fixedStationArea } from './station/handlers';
import { createIdReaderHandlers } from './id-reader/handlers';
import { createBootstrapHandlers } from './bootstrap';
import { createEventsArea } from './events/area';
import { wireEventSources } from './events/sources';
import { createHallRecords } from './hall-records';
import { warmNamePinyin } from './applications/name-pinyin';
import { whenQuiet } from './when-quiet';
import {
  DEFAULT_HALL_CODE,
  DEFAULT_HALL_NAME,
  DEFAULT_STATION_CODE,
  describeInternalError,
  type Services,
  type ServicesOptions,
} from './services-options';

/**
 * Start-up chores wait for the first screen: loading pinyin-pro's dictionary takes 0.3-0.9 s of
 * CPU, which at a fixed second after start landed among the first screen's calls and delayed
 * them (bench/cold-start-timeline.ts).
 */
const AFTER_FIRST_SCREEN = { quietMs: 1_500, idleStartMs: 30_000 };
/** A cold start draws its first list row in ~2 s here; the checkpointer's worker starts after. */
const WAL_CHECKPOINTER_START_MS = 5_000;

export {
  DEFAULT_HALL_CODE,
  DEFAULT_HALL_NAME,
  DEFAULT_STATION_CODE,
  describeInternalError,
  FAST_SYNC_TIMING,
} from './services-options';
export type { Services, ServicesOptions, SyncTiming } from './services-options';

/** The station's data and blind-index keys; an in-memory database gets throwaway ones. */
function loadStationKeys(opts: ServicesOptions, log: (line: string) => void): HallKeys {
  if (opts.dbFile === ':memory:' && !opts.keyFile) return ephemeralKeys();
  const file = opts.keyFile ?? defaultKeyFile(opts.dbFile);
  const wrapper = opts.keyWrapper ?? FILE_MODE_WRAPPER;
  refuseNewKeysForSealedData(opts.dbFile, file);
  const loaded = loadOrCreateKeys(file, wrapper);
  const protection =
    wrapper.kind === 'os-keystore' ? 'wrapped by the OS key store' : 'protected by its 0600 mode';
  log(`keys: ${loaded.created ? 'created' : 'using'} ${file} (${protection})`);
  if (loaded.modeFixed) log(`keys: ${file} was readable by others; narrowed to 0600`);
  return loaded.keys;
}

/**
 * The composition root both hosts call (Electron main over IPC, the web host over HTTP):
 * opens and migrates the database, builds the services and returns the one dispatcher.
 */
export function createServices(opts: ServicesOptions): Services {
  // How this station enrols with its central system (its code, or the development secret in
  // demo mode); neither: refuse to start, before anything is opened.
  const enrolment = opts.centralUrl || opts.hubUrl ? resolveEnrolment(opts) : {};
  const logger = opts.logger ?? createHallLogger({ echo: opts.log === undefined });
  const log = opts.log ?? logger.line;
  const now = opts.now ?? (() => new Date());
  const hallName = opts.hallName ?? DEFAULT_HALL_NAME;
  // Every service reads the catalogue version in force at its own action's hall date.
  const catalogues = opts.catalogues ?? CATALOGUES;
  const requestCatalogues = requestsAlong(catalogues);
  const stationCode = opts.stationCode ?? DEFAULT_STATION_CODE;
  // A restore the supervisor asked for is applied before anything opens the file.
  const identity = { hallCode: opts.hallCode ?? DEFAULT_HALL_CODE, stationCode };
  if (opts.dbFile !== ':memory:') applyPendingRestore(opts.dbFile, identity, logger, now());
  const cipher = createFieldCipher(loadStationKeys(opts, log));
  const db = openDatabase(opts.dbFile, {
    ...(opts.backupDir !== undefined ? { backupDir: opts.backupDir } : {}),
    now,
    log,
    cipher,
  });
  try {
    // Deadlines, complaints, the supervisor's figures (issue 5). Queue measures come from the
    // queue service, built below: looked up when an export asks for them.
    const commitments = createServiceCommitments({
      db,
      catalogues,
      now,
      queueMeasures: (from, to) => queue.measures({ from, to }),
    });
    const applications = createApplicationService({
      db,
      catalogues,
      deadlines: commitments.settings,
      now,
      hallName,
      hallCode: opts.hallCode ?? DEFAULT_HALL_CODE,
      stationCode,
      ...(opts.receiptQueryUrl ? { receiptQueryUrl: opts.receiptQueryUrl } : {}),
      // The customer record commits with the submit (built below; called only on a submit).
      alongSubmit: (submitted) => customerOfSubmit(submitted),
    });
    const hallCode = opts.hallCode ?? DEFAULT_HALL_CODE;
    const centralUrl = opts.centralUrl ? checkCentralUrl(opts.centralUrl) : undefined;
    // One connection for sync and the queue: one device, one token, one refresh at a time.
    const central = centralUrl
      ? createCentralConnection({
          db,
          baseUrl: centralUrl,
          hallCode,
          stationCode,
          ...enrolment,
          timeoutMs: opts.syncTiming?.requestTimeoutMs,
          now: () => now().getTime(),
        })
      : undefined;
    // The queue's own server when the hall has a hub; the central connection otherwise.
    const hub = opts.hubUrl
      ? createHubConnection(checkHubEndpoint(opts.hubUrl, opts.hubFingerprint), {
          db,
          hallCode,
          stationCode,
          ...enrolment,
          now: () => now().getTime(),
        })
      : undefined;
    const authArea = createAuthArea(db, now, opts.auth ?? {});
    const events = createEventsArea({ now: () => now().getTime(), log });
    const sources = wireEventSources(events.bus, authArea.auth);
    // Hall alerts and the requests beside applications (issue 17).
    const records = createHallRecords({
      db,
      now,
      hallCode,
      stationCode,
      commitments,
      waitingTickets: () => queue.board(1),
      record: authArea.record,
      kickSync: () => sync.engine.kick(),
      onAlertsChanged: () => void events.bus.publish('alerts.changed', {}),
      requestCatalogues,
    });
    // The queue's priority weights, read afresh on each use (the supervisor may change them).
    const queueWeights = () => queue.cachedConfig().weights;
    // The customer record (issue 15): read through the applications and complaints owners,
    // synced with the hall's other stations through central.
    const customerArea = createCustomerArea({
      db,
      now,
      record: authArea.record,
      weights: queueWeights,
      ...(centralUrl ? { sync: { hallCode, stationCode } } : {}),
      // The ticket part of the timeline (取号, 评价, 引导演示) from the hall's queue.
      ...(hub || central ? { ticketsOf: (refs: string[]) => queue.customerTickets(refs) } : {}),
      log,
    });
    const customerOfSubmit = customerAlongSubmit({ customers: customerArea.customers, log });
    const sync = createSyncService({
      db,
      // Without a central system the engine is never started: everything waits in the outbox.
      centralUrl: centralUrl ?? 'http://127.0.0.1:9',
      configured: centralUrl !== undefined,
      ...(central ? { central } : {}),
      ...opts.syncTiming,
      hallCode,
      stationCode,
      ...enrolment,
      now: () => now().getTime(),
      log,
      applyCorrection: applications.applyCorrection,
      // Central keeps the latest tail per device: rows cut off the trail's end show there.
      auditTail: () => authArea.audit.tail(),
      onEvent: sources.onSyncEvent,
      afterPull: async (c) => {
        await records.afterPull(c);
        await customerArea.afterPull(c);
      },
    });
    const core = createHandlers({
      applications,
      catalogues,
      now,
      info: {
        appVersion: packageJson.version,
        hallName,
        stationCode,
        transport: opts.transport,
        build: opts.about?.build ?? 'development',
        configPath: opts.about?.configPath ?? null,
      },
      updateStatus: opts.updateStatus ?? (() => ({ state: 'off' })),
    });
    const queue = createQueueService({
      db,
      ...(hub || central ? { central: hub ?? central } : {}),
      hallCode,
      stationCode,
      ...enrolment,
      kind: opts.auth?.stationRole ?? 'staff',
      catalogues,
      saveDraft: applications.saveDraft,
      now: () => now().getTime(),
      log,
      onBoardChange: sources.onBoardChange,
    });
    const appointments = createStationAppointments({
      central: hub ?? central,
      log,
      kind: opts.auth?.stationRole ?? 'staff',
      db,
      stationCode,
      queueConfig: () => queue.cachedConfig(),
      now: () => now().getTime(),
    });
    // The hub is watched only once a screen listens: a station with no screen open costs nothing.
    events.bus.onFirstSubscriber(() => queue.boardWatch?.start());
    const operations = createOperations({
      db,
      dbFile: opts.dbFile,
      backupDir: opts.backupDir ?? join(dirname(opts.dbFile), 'backups'),
      logger,
      ...(opts.backups ? { backups: opts.backups } : {}),
      station: {
        ...identity,
        appVersion: packageJson.version,
        stationRole: opts.auth?.stationRole ?? 'staff',
        transport: opts.transport,
      },
      catalogues: {
        applications: catalogues,
        requests: requestCatalogues,
      },
      centralUrl,
      developmentSecret: usesDevelopmentSecret(enrolment),
      syncStatus: () => sync.engine.statusView(),
      queueStatus: () => queue.status(),
      now,
    });
    // Each method from exactly one area (combine refuses a second), and the work around them
    // (ticket checks and links, audit rows, the sync kick) as the hook list in hooks.ts.
    const station =
      opts.station?.area ??
      fixedStationArea({
        configured: true,
        config: {
          version: 1,
          role:
            opts.auth?.stationRole === 'staff' ? 'counter' : (opts.auth?.stationRole ?? 'counter'),
          hallCode,
          hallName,
          stationCode,
          ...(centralUrl ? { centralUrl } : {}),
          enrolmentPending: false,
        },
        path: null,
        overrides: [],
      });
    const sensitive = createSensitiveArea({
      db,
      customers: customerArea.customers.store,
      ruleSets: commitments.settings.ruleSets,
      now,
    });
    const stationHandlers = createStationHandlers(station, authArea.record);
    const handlers = withHooks(
      combine(
        core,
        stationHandlers,
        sync.handlers,
        authArea.handlers,
        createQueueHandlers(queue, {
          myCustomers: customerArea.hallIdsOfManager,
        }),
        commitments.handlers,
        operations.handlers,
        createIdReaderHandlers({ baseUrl: opts.idReaderUrl }),
        createAppointmentHandlers(appointments),
        customerArea.handlers,
        sensitive.handlers,
        createCustomerUpdateHandlers({
          db,
          customers: customerArea.customers,
          now,
          record: authArea.record,
        }),
        createBootstrapHandlers(
          {
            'station.config': stationHandlers['station.config'],
            'auth.status': authArea.handlers['auth.status'],
            'system.info': core['system.info'],
            'sync.status': sync.handlers['sync.status'],
          },
          { enforced: authArea.authorize !== undefined },
        ),
        events.handlers,
        records.handlers,
      ),
      crossCuttingHooks({
        applications,
        queue,
        offlineTickets: createOfflineTickets(db, stationCode),
        record: authArea.record,
        kickSync: () => sync.engine.kick(),
        now,
        extra: customerHooks({
          area: customerArea,
          weights: queueWeights,
          log,
          kickSync: () => sync.engine.kick(),
        }),
      }).concat(events.hooks),
    );
    if (centralUrl && opts.startSync !== false) sync.start();
    if (hub || central) queue.start();
    appointments.start();
    operations.start();
    // The pinyin dictionary loads once the first screen's calls are over, before the first
    // name a clerk writes would have to wait for it.
    const quiet = whenQuiet(AFTER_FIRST_SCREEN);
    quiet.run(warmNamePinyin);
    // The web host's log writer (pino), deferred past the first screen (logging/logger.ts).
    quiet.run(logger.warm);
    const dispatchNow = createDispatcher(handlers, {
      validateOutput: opts.validateOutput ?? false,
      ...(authArea.authorize ? { authorize: authArea.authorize } : {}),
      onInternalError: (method, err) => log(`api: ${method} failed: ${describeInternalError(err)}`),
    });
    const dispatch: Dispatch = (...args) => {
      quiet.touch();
      return dispatchNow(...args);
    };
    // Last, so nothing above can fail with the worker already running; and once the first
    // screen is drawn (WAL_CHECKPOINTER_START_MS), not beside it.
    const checkpointer =
      opts.dbFile === ':memory:' || opts.walCheckpoint === false
        ? undefined
        : startWalCheckpointerLater(db, {
            log,
            startAfterMs: WAL_CHECKPOINTER_START_MS,
            ...opts.walCheckpoint,
          });
    return {
      dispatch,
      db,
      sync,
      queue,
      authArea,
      events: { bus: events.bus, open: events.open },
      appointments,
      ...(checkpointer ? { walCheckpointer: checkpointer } : {}),
      close: async () => {
        quiet.cancel();
        queue.boardWatch?.stop();
        sources.stop();
        events.bus.close();
        operations.stop();
        await sync.stop();
        await queue.stop();
        await appointments.stop();
        // The worker's connection first: the station's, closing last, checkpoints what is left
        // and removes the WAL.
        await checkpointer?.stop();
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
