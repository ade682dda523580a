import { v7 as uuidv7 } from 'uuid';
import { opFor, submitPayload } from '../../central/testing/fixtures';
import { payloadHashOf } from '../../central/ledger';
import { DEV_REGISTRATION_SECRET } from '../../shared/sync/dev-secret';

/**
 * Simulated stations of some halls, in one process: light clients of central's HTTP API, not
 * station services. Per hall: four stations register (before faults are on), then at once each
 * submits and corrects its applications, the guide (S1) issues tickets and the three counters
 * call and finish them until the line is empty. Every request is sent again, unchanged, until
 * central answers it (faults, a database restart): what a station's outbox does. Prints one
 * JSON report on stdout at the end.
 */

interface Plan {
  url: string;
  halls: string[];
  appsPerStation: number;
  ticketsPerHall: number;
}
const plan = JSON.parse(process.argv[2] ?? '{}') as Plan;

const latencies: number[] = [];
let attempts = 0;
let unavailable = 0;
/** Long polls answered (counters waiting for the guide's next ticket). */
let watches = 0;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends until answered with one of `ok` (other 4xx are a bug: thrown). The answer's latency is
 * counted unless `timed` is false (a long poll waits on purpose).
 */
async function send(
  path: string,
  body: unknown,
  token: string | undefined,
  ok: number[] = [200],
  timed = true,
): Promise<unknown> {
  const deadline = Date.now() + 400_000;
  let lastProblem: string;
  for (;;) {
    attempts++;
    const started = performance.now();
    let retryMs = 50 + Math.random() * 250;
    try {
      const res = await fetch(`${plan.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (ok.includes(res.status)) {
        const value = JSON.parse(text) as unknown; // a cut body throws: sent again
        if (timed) latencies.push(performance.now() - started);
        return value;
      }
      if (res.status === 503) unavailable++;
      lastProblem = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429) {
        throw new Error(`station: ${path} answered ${res.status}`);
      }
      const after = Number(res.headers.get('retry-after'));
      if (after > 0) retryMs = Math.min(after * 1000, 1000);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('station:')) throw err;
      lastProblem = err instanceof Error ? err.name : 'error';
    }
    if (Date.now() > deadline)
      throw new Error(`station: ${path} unanswered for 400 s (last: ${lastProblem})`);
    await sleep(retryMs);
  }
}

interface Station {
  code: string;
  deviceId: string;
  token: string;
}

async function register(hall: string, code: string): Promise<Station> {
  const creds = (await send(
    '/v1/devices/register',
    {
      hallCode: hall,
      stationCode: code,
      installationId: uuidv7(),
      registrationSecret: DEV_REGISTRATION_SECRET,
    },
    undefined,
    [201],
  )) as { deviceId: string; token: string };
  return { code, deviceId: creds.deviceId, token: creds.token };
}

const acked: { applicationId: string; centralNo: string; version: number }[] = [];
const issued: string[] = [];
const called: { ticketId: string; hall: string; counter: string }[] = [];

type Result = { status: string; centralNo?: string; centralVersion?: number };

async function pushOne(s: Station, op: ReturnType<typeof opFor>): Promise<Result> {
  const out = (await send('/v1/ops', { ops: [op] }, s.token)) as { results: Result[] };
  const r = out.results[0];
  if (r?.status !== 'applied' && r?.status !== 'duplicate') {
    throw new Error(`station: op answered ${r?.status ?? 'nothing'}`);
  }
  return r;
}

/** Submits an application, then corrects it once (ordered op ids on one application). */
async function applications(hall: string, s: Station): Promise<void> {
  for (let i = 0; i < plan.appsPerStation; i++) {
    const payload = submitPayload({ hallCode: hall, stationCode: s.code });
    const first = await pushOne(s, opFor(s.deviceId, { ...payload }));
    const changed = { ...payload, clerk: 'clerk02', baseHash: payloadHashOf(payload) };
    const second = await pushOne(s, opFor(s.deviceId, changed, 'application.replace'));
    acked.push({
      applicationId: payload.applicationId,
      centralNo: second.centralNo ?? first.centralNo ?? '',
      version: second.centralVersion ?? 0,
    });
  }
}

async function hallDay(hall: string, stations: Station[]): Promise<void> {
  const [guide, ...counters] = stations as [Station, ...Station[]];
  let guideDone = false;
  const guideWork = (async () => {
    await applications(hall, guide);
    for (let i = 0; i < plan.ticketsPerHall; i++) {
      const id = uuidv7();
      await send(
        '/v1/queue/issue',
        { id, serviceCode: 'GENERAL', priority: 'normal', channel: 'guide' },
        guide.token,
      );
      issued.push(id);
    }
    guideDone = true;
  })();
  const counterWork = counters.map(async (c) => {
    await applications(hall, c);
    /** The hall's change counter as this counter last saw it (0: not yet, answered at once). */
    let seen = 0;
    for (;;) {
      const requestId = uuidv7();
      const { ticket } = (await send(
        '/v1/queue/callNext',
        { requestId, services: ['NEW', 'CHANGE', 'GENERAL'] },
        c.token,
      )) as { ticket: { id: string } | null };
      if (!ticket) {
        if (guideDone) break;
        // As a station does: wait on the hall's change counter (long poll) instead of polling.
        // A change since `seen` (the guide issued) answers at once, so no issue is missed.
        const watched = await send('/v1/queue/watch', { since: seen }, c.token, [200], false);
        seen = (watched as { version: number }).version;
        watches++;
        continue;
      }
      called.push({ ticketId: ticket.id, hall, counter: c.code });
      await send(
        '/v1/queue/finish',
        { ticketId: ticket.id, servicesDone: ['GENERAL'], applicationIds: [] },
        c.token,
      );
    }
  });
  await Promise.all([guideWork, ...counterWork]);
}

// Register every station first (faults off), say so, and wait for the parent's go: it turns
// the faults on and starts every worker at once.
// A few at a time: a registration answered too late and sent again would find the device
// enrolled already (409), as it would for a real station, which then needs a fresh code.
const registered: { hall: string; stations: Station[] }[] = [];
const queue = [...plan.halls];
await Promise.all(
  Array.from({ length: 10 }, async () => {
    for (let hall = queue.shift(); hall; hall = queue.shift()) {
      const stations: Station[] = [];
      for (const code of ['S1', 'S2', 'S3', 'S4']) stations.push(await register(hall, code));
      registered.push({ hall, stations });
    }
  }),
);
latencies.length = 0;
attempts = 0;
process.stderr.write('registered\n');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
await Promise.all(registered.map(({ hall, stations }) => hallDay(hall, stations)));
process.stdout.write(
  JSON.stringify({ acked, issued, called, latencies, attempts, unavailable, watches }) + '\n',
);
