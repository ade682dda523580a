import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createCentralCore, type CentralCore } from '../server';
import { DeviceCredentialsSchema, type DeviceCredentials } from '../../shared/sync/protocol';

export const ADMIN_TOKEN = 'trust-test-admin-token-0123456789';

/**
 * A central system as a real hall runs it (codes only, its own admin token), in process and
 * without a socket, with a clock the test moves.
 */
export function trustCentral(): {
  core: CentralCore;
  clock: { ms: number };
  call: (method: string, path: string, body?: unknown, token?: string) => Promise<Response>;
  admin: (method: string, path: string, body?: unknown) => Promise<Response>;
  issueCode: (hallCode: string, stationCode: string, validMinutes?: number) => Promise<string>;
  enrol: (code: string, installationId?: string) => Promise<DeviceCredentials>;
  close: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'central-trust-'));
  const clock = { ms: Date.parse('2026-03-02T01:00:00Z') };
  const core = createCentralCore({
    dbFile: join(dir, 'central.db'),
    adminToken: ADMIN_TOKEN,
    now: () => clock.ms,
  });
  const call = (method: string, path: string, body?: unknown, token?: string) =>
    core.fetch(`http://central.test${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, path, body, ADMIN_TOKEN);
  const issueCode = async (hallCode: string, stationCode: string, validMinutes?: number) => {
    const res = await admin('POST', '/admin/enrolments', {
      hallCode,
      stationCode,
      ...(validMinutes ? { validMinutes } : {}),
    });
    if (res.status !== 201) throw new Error(`issuing a code answered ${res.status}`);
    return ((await res.json()) as { code: string }).code;
  };
  const enrol = async (code: string, installationId: string = uuidv7()) => {
    const res = await call('POST', '/v1/devices/register', {
      installationId,
      enrolmentCode: code,
    });
    if (res.status !== 201) throw new Error(`enrolling answered ${res.status}`);
    return DeviceCredentialsSchema.parse(await res.json());
  };
  return {
    core,
    clock,
    call,
    admin,
    issueCode,
    enrol,
    close: () => {
      core.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
