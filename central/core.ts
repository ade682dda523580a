import { AuditTails } from './audit-tail';
import { DeviceAuth } from './auth';
import { centralTrust } from './trust';
import { createCentralApp } from './app';
import { openCentralDb, type CentralDb } from './db';
import type { FaultPlan } from './faults';
import { Ledger, type StageResolver } from './ledger';
import { QueueStore } from './queue/store';
import { AppointmentStore } from './appointments/store';
import { hubCipher } from './queue/draft-sealing';
import { HubLink, type HubLinkOptions } from './hub-link';
import { servesCentral, servesHub, type CentralMode, type HubTls } from './hub-tls';
import { CATALOGUE, defaultStages } from '../shared/catalogue';
import type { Catalogue } from '../shared/catalogue/types';

export interface CentralOptions {
  /** SQLite file of the central ledger (':memory:' for throwaway runs). */
  dbFile: string;
  /** The hub's keys for kiosk drafts; default `hub-keys.json` beside `dbFile`. */
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
  /**
   * Business types' own stage lists (the catalogue in force by default); a type it does not
   * know follows its family and account kind.
   */
  catalogue?: Catalogue;
  /** Guards /admin/*; absent: a random one, on the handle (tests and demo mode). */
  adminToken?: string;
  random?: () => number;
  now?: () => number;
}

function stageResolver(catalogue: Catalogue | undefined): StageResolver {
  const byCode = new Map(catalogue?.types.map((t) => [t.code, t]) ?? []);
  return (typeCode, accountKind) => {
    const type = byCode.get(typeCode);
    if (type && type.stages.length > 0) return type.stages;
    return defaultStages(type?.family, accountKind);
  };
}

export interface CentralCore {
  app: ReturnType<typeof createCentralApp>;
  db: CentralDb;
  ledger: Ledger;
  auth: DeviceAuth;
  queue: QueueStore;
  appointments: AppointmentStore;
  adminToken: string;
  hubLink?: HubLink;
  /** Fetch straight into the app, without a socket (and without faults): for fake-timer tests. */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
}

/** The central system without a listener: database, ledger, auth and the Hono app. */
export function createCentralCore(
  opts: CentralOptions,
  admin: Parameters<typeof createCentralApp>[0]['admin'] = {
    setFaults: () => undefined,
    stats: () => ({}),
    setDemo: () => undefined,
  },
): CentralCore {
  const now = opts.now ?? Date.now;
  const trust = centralTrust(opts);
  const db = openCentralDb(opts.dbFile);
  const auth = new DeviceAuth(db, trust.registrationSecret, opts.tokenTtlMs ?? 3600_000, now);
  const ledger = new Ledger(db, stageResolver(opts.catalogue ?? CATALOGUE), now);
  const cipher = hubCipher(opts.dbFile, opts.keyFile);
  const queue = new QueueStore(db, { now, cipher });
  const appointments = new AppointmentStore(db, queue, { cipher, now });
  const mode = opts.mode ?? 'all';
  const hubLink =
    opts.hubLink && servesHub(mode) ? new HubLink(db, cipher, opts.hubLink) : undefined;
  const app = createCentralApp({
    auth,
    ledger,
    admin,
    sync: servesCentral(mode),
    ...(servesHub(mode) ? { queue, appointments } : {}),
    ...(hubLink ? { hubLink } : {}),
    adminToken: trust.adminToken,
    auditTails: new AuditTails(db, now),
  });
  return {
    app,
    db,
    ledger,
    auth,
    queue,
    appointments,
    adminToken: trust.adminToken,
    ...(hubLink ? { hubLink } : {}),
    fetch: async (input, init) => app.fetch(new Request(input, init)),
  };
}
