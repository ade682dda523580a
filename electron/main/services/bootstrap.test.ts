import { afterEach, describe, expect, it } from 'vitest';
import type { Bootstrap } from '../../../shared/api/methods/app';
import { callOk, seedStaff, startTestServices, type TestServices } from './auth/testing/services';

let current: TestServices | undefined;
afterEach(async () => {
  await current?.cleanup();
  current = undefined;
});

const bootstrap = (s: TestServices, token?: string) =>
  callOk<Bootstrap>(s.services, 'app.bootstrap', {}, token);

describe('app.bootstrap', () => {
  it('answers each part as its own method would, with sync only for roles that may see it', async () => {
    current = startTestServices({ validateOutput: true });
    const tokens = await seedStaff(current.services);

    const unsigned = await bootstrap(current);
    expect(unsigned.auth).toMatchObject({ stationRole: 'staff', needsSetup: false, staff: null });
    expect(unsigned.station.configured).toBe(true);
    expect(unsigned.system?.catalogueVersion).toMatch(/\S/);
    // An unsigned caller may not call sync.status, so the bootstrap leaves it out too.
    expect(unsigned.sync).toBeNull();
    await expect(callOk(current.services, 'sync.status', {})).rejects.toThrow(/UNAUTHENTICATED/);

    for (const role of ['counter', 'guide', 'supervisor'] as const) {
      const signedIn = await bootstrap(current, tokens[role]);
      expect(signedIn.auth?.staff?.role).toBe(role);
      expect(signedIn.sync).toEqual(
        await callOk(current.services, 'sync.status', {}, tokens[role]),
      );
      expect(signedIn.system).toEqual(
        await callOk(current.services, 'system.info', {}, tokens[role]),
      );
    }
  });

  it('gives a kiosk station no sync status', async () => {
    current = startTestServices({ stationRole: 'kiosk', validateOutput: true });
    const kiosk = await bootstrap(current);
    expect(kiosk.auth?.stationRole).toBe('kiosk');
    expect(kiosk.sync).toBeNull();
    await expect(callOk(current.services, 'sync.status', {})).rejects.toThrow(/FORBIDDEN/);
  });
});
