import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for tests: its own data directory under the system temp
 * folder, its own free port on 127.0.0.1 and socket directory, never a system service. Run as
 * the `postgres` user when the tests run as root (initdb refuses root). Stopped by `stop()`,
 * when the test process exits or is ended by a signal, and at the latest by the test run's
 * global teardown (postgres-teardown.ts), which stops any server of this run still listed in
 * its registry folder (a worker killed outright runs no exit handler).
 */

/** The run's registry folder (set by the global setup), where each running server is listed. */
export const REGISTRY_ENV = 'CENTRAL_PG_REGISTRY';

interface Listed {
  binDir: string;
  data: string;
  dir: string;
}

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. In CI (`CI` set) it is
 * always undefined: .ci/run installs PostgreSQL, so there the tests run, and fail saying what
 * is missing rather than skip.
 */
export function postgresMissing(): string | undefined {
  if (process.env.CI && process.env.CI !== 'false') return undefined;
  return postgresAbsent();
}

/** What is missing for a throwaway server, or undefined. */
function postgresAbsent(): string | undefined {
  if (!postgresBinDir()) {
    return 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin): .ci/run installs it (apt-get install postgresql)';
  }
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'running as root without a postgres user to run the server as';
  }
  return undefined;
}

export interface PostgresServer {
  /** postgres://central@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new, empty database on this server: its URL. */
  freshDatabase(): Promise<string>;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash (no checkpoint). */
  crash(): void;
  /** Starts it again on the same data directory and port. */
  restart(): void;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Stops a listed server (immediate: nothing is kept) and removes its folder. */
export function stopListed(entry: Listed): void {
  try {
    asServerUser(join(entry.binDir, 'pg_ctl'), ['-D', entry.data, '-w', '-m', 'immediate', 'stop']);
  } catch {
    // Already gone.
  }
  rmSync(entry.dir, { recursive: true, force: true });
}

/** Stops every server still listed in a registry folder: what the global teardown does. */
export function stopAllListed(registry: string): number {
  let stopped = 0;
  for (const name of existsSync(registry) ? readdirSync(registry) : []) {
    const file = join(registry, name);
    stopListed(JSON.parse(readFileSync(file, 'utf8')) as Listed);
    rmSync(file, { force: true });
    stopped++;
  }
  return stopped;
}

function asServerUser(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

let databases = 0;
const running = new Set<() => void>();
const stopAll = () => {
  for (const stop of running) stop();
  running.clear();
};
process.once('exit', stopAll);
// A test runner ending a worker on a time-out sends a signal: no server may outlive it.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(1);
  });
}

export async function startPostgres(
  opts: { settings?: Record<string, string> } = {},
): Promise<PostgresServer> {
  const absent = postgresAbsent();
  const binDir = postgresBinDir();
  if (absent || !binDir) throw new Error(`PostgreSQL test server: ${absent ?? 'not installed'}`);
  const dir = mkdtempSync(join(tmpdir(), 'central-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asServerUser(join(binDir, 'initdb'), [
    '-D',
    data,
    '-U',
    'central',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    shared_buffers: '64MB',
    ...opts.settings,
  };
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(' ');
  const pgCtl = (args: string[]) => asServerUser(join(binDir, 'pg_ctl'), ['-D', data, ...args]);
  const start = () =>
    pgCtl(['-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options, 'start']);
  let up = false;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (!up) return;
    up = false;
    try {
      pgCtl(['-w', '-m', mode, 'stop']);
    } catch {
      // Already gone.
    }
  };
  start();
  up = true;
  const registry = process.env[REGISTRY_ENV];
  const listing = registry ? join(registry, `${port}.json`) : undefined;
  if (listing) writeFileSync(listing, JSON.stringify({ binDir, data, dir } satisfies Listed));
  const cleanup = () => {
    stopNow('immediate');
    rmSync(dir, { recursive: true, force: true });
    if (listing) rmSync(listing, { force: true });
  };
  running.add(cleanup);
  const url = `postgres://central@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async freshDatabase() {
      const name = `central_t${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://central@127.0.0.1:${port}/${name}`;
    },
    crash: () => stopNow('immediate'),
    restart: () => {
      start();
      up = true;
    },
    stop: () => {
      stopNow('fast');
      rmSync(dir, { recursive: true, force: true });
      if (listing) rmSync(listing, { force: true });
      running.delete(cleanup);
    },
  };
}
