import { AuditTails } from './audit-tail';
import { DeviceAuth } from './auth';
import { centralTrust } from './trust';
import { createCentralApp } from './app';
import { openCentralDb, type CentralDb } from './db';
import { openCentralStore, isPostgresUrl, type OpenedStore } from './store/open';
import { SqliteStore } from './store/sqlite-store';
import type { CentralStore } from './store/work';
import type { FaultPlan } from './faults';
import { Ledger, type StageResolver } from './ledger';
import { QueueStore } from './queue/store';
import { AppointmentStore } from './appointments/store';
import { publishDemoSlots } from './appointments/demo-slots';
import { hubCipher } from './queue/draft-sealing';
import { sealPlainPayloads, sealPlainPayloadsSync } from './sealed-payloads';
import type { FieldCipher } from '../electron/main/services/crypto';
import { HubLink, type HubLinkOptions } from './hub-link';
import { servesCentral, servesHub, type CentralMode, type HubTls } from './hub-tls';
import { defaultStages, findType } from '../shared/catalogue';
import { CATALOGUES, type CatalogueShelf } from '../shared/catalogue/versions';
import type { Catalogue } from '../shared/catalogue/types';
import { DAY_MS, hallDate, hallDayStart } from '../shared/hall-time';

export interface CentralOptions {
  /**
   * Where central keeps its data: a SQLite file (the embedded default; ':memory:' for
   * throwaway runs) or a PostgreSQL URL (`postgres://user@host:5432/central`, a province's
   * central shared by several processes; docs/central-postgres.md).
   */
  dbFile: string;
  /** Connections per process to PostgreSQL (default 10); ignored for SQLite. */
  poolSize?: number;
  /**
   * The hub's keys for kiosk drafts; default `hub-keys.json` beside a SQLite `dbFile`. Required
   * with PostgreSQL (there is no file to put it beside), except for throwaway keys in tests
   * (`keyFile: ':ephemeral:'`).
   */
  keyFile?: string;
  /**
   * A hall hub's link to central (`--central-url`, `HUB_ENROLMENT_CODE`): stations enrol with
   * their one central code, which central vouches for (hub-link.ts). Absent: only codes the
   * hub's own admin issued.
   */
  hubLink?: HubLinkOptions;
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise: the reference system is not meant for a network. */
  host?: string;
  /** Which parts this process serves (default `all`: hub and central in one process). */
  mode?: CentralMode;
  /** Certificate and key: HTTPS instead of HTTP (required for a hub on a LAN address). */
  tls?: HubTls;
  /**
   * The shared development registration secret (self-declared hall and station): only with
   * `allowDevelopmentSecret`. Without it, consoles enrol with one-time codes only.
   */
  registrationSecret?: string;
  /** Demo mode's trust: the development secret is accepted (the default secret when none given). */
  allowDevelopmentSecret?: boolean;
  tokenTtlMs?: number;
  faults?: string | FaultPlan;
  /** Demo mode: advance a few open applications one stage every interval. */
  demo?: boolean | { intervalMs?: number; perTick?: number };
  /** Demo: publish appointment slots for this hall's next days when they have none (hub only). */
  demoSlotsHall?: string;
  /**
   * Business types' own stage lists: every shipped version by default, each application read
   * against the version it was accepted under; a type it does not know follows its family and
   * account kind.
   */
  catalogues?: CatalogueShelf;
  /** Guards /admin/*; absent: a random one, on the handle (tests and demo mode). */
  adminToken?: string;
  random?: () => number;
  now?: () => number;
}

function stageResolver(shelf: CatalogueShelf, now: () => number): StageResolver {
  // Asked once per submitted application: the version in force is worked out once per hall
  // day (versions change at hall midnight); findType looks a type up by code.
  let day: { start: number; end: number; catalogue: Catalogue } | undefined;
  const inForce = (at: number): Catalogue => {
    if (!day || at < day.start || at >= day.end) {
      const start = hallDayStart(hallDate(at));
      day = { start, end: start + DAY_MS, catalogue: shelf.inForce(at) };
    }
    return day.catalogue;
  };
  return (typeCode, accountKind, accepted) => {
    // A version central does not ship yet (a newer station): the one in force at acceptance.
    const catalogue =
      shelf.byVersion(accepted.catalogueVersion) ??
      inForce(Date.parse(accepted.acceptedAt) || now());
    const type = findType(catalogue, typeCode);
    if (type && type.stages.length > 0) return type.stages;
    return defaultStages(type?.family, accountKind);
  };
}

export interface CentralCore {
  app: ReturnType<typeof createCentralApp>;
  /** The SQLite handle (the embedded default); throws on PostgreSQL, use `store`. */
  db: CentralDb;
  store: CentralStore;
  ledger: Ledger;
  auth: DeviceAuth;
  queue: QueueStore;
  appointments: AppointmentStore;
  adminToken: string;
  hubLink?: HubLink;
  /** Fetch straight into the app, without a socket (and without faults): for fake-timer tests. */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
}

type CentralAdmin = Parameters<typeof createCentralApp>[0]['admin'];

const NO_ADMIN: CentralAdmin = {
  setFaults: () => undefined,
  stats: () => ({}),
  setDemo: () => undefined,
};

/**
 * The central system without a listener on the embedded SQLite store, synchronously (tests and
 * tools that want the handle at once). Any store: openCentralCore.
 */
export function createCentralCore(
  opts: CentralOptions,
  admin: CentralAdmin = NO_ADMIN,
): CentralCore {
  if (isPostgresUrl(opts.dbFile)) {
    throw new Error('createCentralCore opens SQLite only: use openCentralCore for PostgreSQL');
  }
  const db = openCentralDb(opts.dbFile);
  const store = new SqliteStore(db);
  const cipher = hubCipher(opts.dbFile, opts.keyFile);
  sealPlainPayloadsSync(store, cipher);
  return assemble({ store, db }, cipher, opts, admin);
}

/** The central system without a listener, on the store its options name (SQLite or PostgreSQL). */
export async function openCentralCore(
  opts: CentralOptions,
  admin: CentralAdmin = NO_ADMIN,
): Promise<CentralCore> {
  const cipher = hubCipher(opts.dbFile, opts.keyFile);
  const opened = await openCentralStore(opts);
  // Payloads an older central wrote in clear (the migrations have no keys to seal them).
  await sealPlainPayloads(opened.store, cipher);
  const core = assemble(opened, cipher, opts, admin);
  if (opts.demoSlotsHall && servesHub(opts.mode ?? 'all')) {
    const now = opts.now ?? Date.now;
    await publishDemoSlots(core.appointments, core.queue, opts.demoSlotsHall, now());
  }
  return core;
}

function assemble(
  opened: OpenedStore,
  cipher: FieldCipher,
  opts: CentralOptions,
  admin: CentralAdmin,
): CentralCore {
  const { store } = opened;
  const now = opts.now ?? Date.now;
  const trust = centralTrust(opts);
  const auth = new DeviceAuth(store, trust.registrationSecret, opts.tokenTtlMs ?? 3600_000, now);
  const ledger = new Ledger(store, stageResolver(opts.catalogues ?? CATALOGUES, now), now, cipher);
  const queue = new QueueStore(store, { now, cipher });
  const appointments = new AppointmentStore(store, { cipher, now });
  const mode = opts.mode ?? 'all';
  const hubLink =
    opts.hubLink && servesHub(mode) ? new HubLink(store, cipher, opts.hubLink) : undefined;
  const app = createCentralApp({
    auth,
    ledger,
    admin,
    sync: servesCentral(mode),
    ...(servesHub(mode) ? { queue, appointments } : {}),
    ...(hubLink ? { hubLink } : {}),
    adminToken: trust.adminToken,
    auditTails: new AuditTails(store, now),
  });
  return {
    app,
    get db(): CentralDb {
      if (!opened.db) throw new Error('central runs on PostgreSQL: there is no SQLite handle');
      return opened.db;
    },
    store,
    ledger,
    auth,
    queue,
    appointments,
    adminToken: trust.adminToken,
    ...(hubLink ? { hubLink } : {}),
    fetch: async (input, init) => app.fetch(new Request(input, init)),
  };
}
