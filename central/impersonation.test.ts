import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { opFor, submitPayload } from './testing/fixtures';
import { ADMIN_TOKEN, trustCentral } from './testing/trust-fixture';
import { QUEUE_OPS, type QueueOp } from '../shared/queue/protocol';
import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';
import type { DeviceCredentials } from '../shared/sync/protocol';

/**
 * Impersonation: every way a caller might pass for a device it is not, against every route the
 * central app serves (read from the app itself, so a new route is attacked without editing this
 * file). Hall A holds data; the attackers are no token, a forged one, a revoked device's real
 * one, hall B's real one (which may act in hall B only), the admin token used as a device, and
 * on the registration routes re-registration, replayed, expired and forged codes and forged or
 * revoked refresh tokens. An attempt is accepted when it is answered 2xx as someone it is not,
 * or when it reads or changes anything of hall A.
 */
let t: ReturnType<typeof trustCentral>;
let a: DeviceCredentials;
let b: DeviceCredentials;
let revoked: DeviceCredentials;
let aInstallation: string;
let aCode: string;
let expiredCode: string;
const hallA = {
  ticketId: '',
  ticketNumber: '',
  applicationId: '',
  appNo: '',
  centralNo: '',
  opId: '',
  customerRef: uuidv7(),
};

beforeAll(async () => {
  t = trustCentral();
  aInstallation = uuidv7();
  aCode = await t.issueCode('HA', 'S1');
  a = await t.enrol(aCode, aInstallation);
  b = await t.enrol(await t.issueCode('HB', 'S1'));
  revoked = await t.enrol(await t.issueCode('HA', 'S9'));
  expect((await t.admin('POST', `/admin/devices/${revoked.deviceId}/revoke`)).status).toBe(200);

  // Hall A's data: an application (with its central number) and a ticket.
  const payload = submitPayload({ hallCode: 'HA' });
  const op = opFor(a.deviceId, payload);
  const pushed = await t.call('POST', '/v1/ops', { ops: [op] }, a.token);
  const result = ((await pushed.json()) as { results: { centralNo?: string }[] }).results[0];
  const issued = await t.call(
    'POST',
    '/v1/queue/issue',
    {
      id: uuidv7(),
      serviceCode: 'NEW',
      priority: 'normal',
      channel: 'guide',
      customerRef: hallA.customerRef,
    },
    a.token,
  );
  const ticket = (await issued.json()) as { id: string; number: string };
  Object.assign(hallA, {
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    applicationId: payload.applicationId,
    appNo: payload.appNo,
    centralNo: result?.centralNo ?? '',
    opId: op.opId,
  });
  expect(hallA.centralNo).toMatch(/^HA-/);
  expiredCode = await t.issueCode('HA', 'S1', 1);
  t.clock.ms += 2 * 60_000;
});
afterAll(() => t.close());

/** A body of the right shape for each queue op, naming hall A's things where it can. */
function queueBody(op: QueueOp): unknown {
  const bodies: Record<QueueOp, unknown> = {
    config: {},
    saveConfig: { config: { version: 1, services: [] } },
    issue: { id: hallA.ticketId, serviceCode: 'NEW', priority: 'normal', channel: 'guide' },
    callNext: { requestId: uuidv7(), services: ['NEW'] },
    recall: { ticketId: hallA.ticketId },
    serve: { ticketId: hallA.ticketId },
    noShow: { ticketId: hallA.ticketId },
    cancel: { ticketId: hallA.ticketId },
    transfer: { ticketId: hallA.ticketId, toService: 'CHANGE', newId: uuidv7() },
    finish: { ticketId: hallA.ticketId, servicesDone: [], applicationIds: [hallA.applicationId] },
    undo: { ticketId: hallA.ticketId, action: 'noShow' },
    requeue: { ticketId: hallA.ticketId },
    current: {},
    ticket: { ticketId: hallA.ticketId },
    tickets: { limit: 100 },
    board: { limit: 50 },
    rate: { ticketNumber: hallA.ticketNumber, rating: 'dissatisfied' },
    measures: {},
    takeKioskDraft: { ticketId: hallA.ticketId, applicationId: hallA.applicationId },
    kioskDraft: { ticketId: hallA.ticketId },
    lookup: { appNo: hallA.centralNo, mobile: '13800000000' },
    watch: { since: 0 },
    customerTickets: { customerRefs: [hallA.customerRef] },
  };
  return bodies[op];
}

interface Attempt {
  method: string;
  path: string;
  body?: unknown;
}

/** Every concrete request the app's routes take: path parameters filled with hall A's things. */
function deviceAttempts(): Attempt[] {
  const out: Attempt[] = [];
  for (const route of t.core.app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/v1/')) continue;
    if (route.path === '/v1/health' || route.path.startsWith('/v1/devices/')) continue;
    if (route.path === '/v1/queue/:op') {
      for (const op of Object.keys(QUEUE_OPS) as QueueOp[]) {
        out.push({ method: 'POST', path: `/v1/queue/${op}`, body: queueBody(op) });
      }
      continue;
    }
    const path = route.path.replace(':opId', hallA.opId);
    const asHallA = opFor(a.deviceId, submitPayload({ hallCode: 'HA' }));
    const body =
      route.path === '/v1/ops'
        ? { ops: [asHallA] }
        : route.path === '/v1/ops/:opId'
          ? { ...asHallA, opId: hallA.opId }
          : route.method === 'GET'
            ? undefined
            : {};
    out.push({
      method: route.method,
      path: route.method === 'GET' ? `${path}?since=0` : path,
      body,
    });
  }
  return out;
}

/** Hall A as central keeps it: any change an attacker made shows here. */
function hallASnapshot(): string {
  const q = (sql: string) => t.core.db.prepare(sql).all();
  return JSON.stringify([
    q("SELECT * FROM applications WHERE hall_code = 'HA'"),
    q("SELECT * FROM queue_tickets WHERE hall_code = 'HA'"),
    q("SELECT * FROM queue_config WHERE hall_code = 'HA'"),
    q("SELECT * FROM queue_ratings WHERE hall_code = 'HA'"),
    q("SELECT device_id, refresh_hash, revoked FROM devices WHERE hall_code = 'HA'"),
    q('SELECT * FROM enrolment_codes'),
  ]);
}

const secretsOfHallA = () => [hallA.ticketId, hallA.applicationId, hallA.appNo, hallA.centralNo];

describe('impersonation', () => {
  it('no forged, replayed, revoked or other-hall credential is accepted on any route', async () => {
    const attempts = deviceAttempts();
    // Sync push, single op, changes, and every queue op: at least these.
    expect(attempts.length).toBeGreaterThanOrEqual(3 + Object.keys(QUEUE_OPS).length);
    let tries = 0;
    let accepted = 0;
    const acceptedWhat: string[] = [];
    const before = hallASnapshot();

    const try_ = async (label: string, send: () => Promise<Response>, ownHall = false) => {
      tries++;
      const res = await send();
      const text = await res.text();
      const leaked = secretsOfHallA().some((s) => s && text.includes(s));
      const changed = hallASnapshot() !== before;
      // Hall B may act in hall B; it is accepted only if it saw or touched hall A.
      const ok = ownHall ? leaked || changed : res.ok || leaked || changed;
      if (ok) {
        accepted++;
        acceptedWhat.push(`${label} → ${res.status}`);
      }
    };

    const deviceTokens: [string, string | undefined][] = [
      ['no token', undefined],
      ['forged token', 'f'.repeat(43)],
      ['revoked device', revoked.token],
      ['admin token as a device', ADMIN_TOKEN],
      ['hall A refresh token as a bearer', a.refreshToken],
    ];
    for (const at of attempts) {
      for (const [who, token] of deviceTokens) {
        await try_(`${who}: ${at.method} ${at.path}`, () =>
          t.call(at.method, at.path, at.body, token),
        );
      }
      await try_(
        `hall B: ${at.method} ${at.path}`,
        () => t.call(at.method, at.path, at.body, b.token),
        true,
      );
    }

    // Admin routes: no token, a forged one, and each device's real token.
    for (const route of t.core.app.routes) {
      if (route.method === 'ALL' || !route.path.startsWith('/admin/')) continue;
      const path = route.path.replace(':deviceId', a.deviceId);
      for (const [who, token] of [
        ['no token', undefined],
        ['forged admin token', `${ADMIN_TOKEN.slice(0, -1)}!`],
        ['hall A device', a.token],
        ['hall B device', b.token],
      ] as const) {
        await try_(`${who}: ${route.method} ${path}`, () =>
          t.call(route.method, path, route.method === 'GET' ? undefined : {}, token),
        );
      }
    }

    // Registration and refresh: re-register, replayed, expired and forged codes, bad refreshes.
    const register = (body: unknown) => () => t.call('POST', '/v1/devices/register', body);
    const registrations: [string, unknown][] = [
      [
        're-register hall A with the development secret',
        {
          hallCode: 'HA',
          stationCode: 'S1',
          installationId: aInstallation,
          registrationSecret: DEV_REGISTRATION_SECRET,
        },
      ],
      [
        'register a new hall A station with the development secret',
        {
          hallCode: 'HA',
          stationCode: 'S7',
          installationId: uuidv7(),
          registrationSecret: DEV_REGISTRATION_SECRET,
        },
      ],
      ['replayed code, same installation', { installationId: aInstallation, enrolmentCode: aCode }],
      ['replayed code, new installation', { installationId: uuidv7(), enrolmentCode: aCode }],
      ['expired code', { installationId: uuidv7(), enrolmentCode: expiredCode }],
      ['forged code', { installationId: uuidv7(), enrolmentCode: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }],
      ['no code', { hallCode: 'HA', stationCode: 'S1', installationId: aInstallation }],
    ];
    for (const [label, body] of registrations) await try_(label, register(body));
    const refreshes: [string, unknown][] = [
      ['forged refresh token', { deviceId: a.deviceId, refreshToken: 'r'.repeat(43) }],
      ['hall B refresh for hall A', { deviceId: a.deviceId, refreshToken: b.refreshToken }],
      ['revoked refresh', { deviceId: revoked.deviceId, refreshToken: revoked.refreshToken }],
      ['hall A bearer as refresh', { deviceId: a.deviceId, refreshToken: a.token }],
    ];
    for (const [label, body] of refreshes) {
      await try_(label, () => t.call('POST', '/v1/devices/token', body));
    }

    console.log(`impersonation tries=${tries} accepted=${accepted}`);
    expect(acceptedWhat).toEqual([]);
    expect(accepted).toBe(0);

    // The credentials used are real: hall A and hall B each still work in their own hall.
    for (const [creds, hall] of [
      [a, 'HA'],
      [b, 'HB'],
    ] as const) {
      const board = await t.call('POST', '/v1/queue/board', { limit: 8 }, creds.token);
      expect(board.status, hall).toBe(200);
    }
    const own = await t.call('POST', '/v1/queue/ticket', { ticketId: hallA.ticketId }, a.token);
    expect(own.status).toBe(200);
  });
});
