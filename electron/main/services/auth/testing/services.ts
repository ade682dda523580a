import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallContext } from '../../../../../shared/api/dispatcher';
import type { StationRole } from '../../../../../shared/auth/schemas';
import { CATALOGUE } from '../../../../../shared/catalogue';
import { singleCatalogue } from '../../../../../shared/catalogue/versions';
import { createServices, type Services, type ServicesOptions } from '../../createServices';
import type { ScryptCost } from '../password';
import { testLog } from '../../../../../tests/support/test-log';

/** Cheap scrypt for tests that sign in hundreds of times; the cost itself is tested apart. */
export const TEST_COST: ScryptCost = { log2N: 10, r: 8, p: 1 };

export interface TestServices {
  services: Services;
  dir: string;
  cleanup(): Promise<void>;
}

/** A real services instance on a fresh file, with enforcement on as in both hosts. */
export function startTestServices(
  opts: Partial<ServicesOptions> & { stationRole?: StationRole; enforce?: boolean } = {},
): TestServices {
  const dir = mkdtempSync(join(tmpdir(), 'hall-auth-'));
  const { stationRole, enforce, ...rest } = opts;
  const services = createServices({
    dbFile: join(dir, 'hall.db'),
    backupDir: join(dir, 'backups'),
    transport: 'http',
    log: testLog,
    // The newest catalogue version whatever today's date (tests build inputs from CATALOGUE).
    catalogues: singleCatalogue(CATALOGUE),
    ...rest,
    auth: {
      enforce: enforce ?? true,
      stationRole: stationRole ?? 'staff',
      scryptCost: TEST_COST,
      ...rest.auth,
    },
  });
  return {
    services,
    dir,
    cleanup: async () => {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const ctxFor = (session?: string): CallContext => ({
  transport: 'http',
  actor: 'binding',
  ...(session ? { session } : {}),
});

/** Calls a method and returns the value, or throws with the error code (tests only). */
export async function callOk<T = unknown>(
  services: Services,
  method: string,
  input: unknown,
  session?: string,
): Promise<T> {
  const result = await services.dispatch(method, input, ctxFor(session));
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.messageEn}`);
  return result.value as T;
}

/** Creates the first supervisor and one account per staff role; returns their tokens. */
export async function seedStaff(
  services: Services,
): Promise<Record<'supervisor' | 'counter' | 'guide', string>> {
  const sup = await callOk<{ token: string }>(services, 'auth.setup', {
    staffNo: 'S001',
    name: '主管甲',
    secret: 'supervisor-pass',
  });
  const tokens = { supervisor: sup.token, counter: '', guide: '' };
  for (const role of ['counter', 'guide'] as const) {
    const staffNo = role === 'counter' ? 'C101' : 'G201';
    await callOk(
      services,
      'auth.createAccount',
      { staffNo, name: role === 'counter' ? '柜员乙' : '引导丙', role, secret: `${role}-pass1` },
      sup.token,
    );
    tokens[role] = (
      await callOk<{ token: string }>(services, 'auth.signIn', { staffNo, secret: `${role}-pass1` })
    ).token;
  }
  return tokens;
}
