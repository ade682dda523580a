import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, seedStaff, startTestServices, type TestServices } from '../auth/testing/services';
import { FAKE_CARD, startFakeIdReader, type FakeIdReader } from './fake-reader';

let reader: FakeIdReader;
let staff: TestServices;
let kiosk: TestServices;
let tokens: Awaited<ReturnType<typeof seedStaff>>;

beforeAll(async () => {
  reader = await startFakeIdReader();
  staff = startTestServices({ idReaderUrl: reader.url });
  tokens = await seedStaff(staff.services);
  kiosk = startTestServices({ stationRole: 'kiosk', idReaderUrl: reader.url });
});
afterAll(async () => {
  await staff.cleanup();
  await kiosk.cleanup();
  await reader.close();
});

describe('idReader.read through the services', () => {
  it.each(['counter', 'guide', 'supervisor'] as const)('%s reads the card', async (role) => {
    const r = await staff.services.dispatch('idReader.read', {}, ctxFor(tokens[role]));
    expect(r).toMatchObject({
      ok: true,
      value: { name: FAKE_CARD.name, idNumber: FAKE_CARD.idNumber },
    });
  });

  it('the kiosk is refused and the reader is never asked', async () => {
    const before = reader.reads();
    const r = await kiosk.services.dispatch('idReader.read', {}, ctxFor());
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(reader.reads()).toBe(before);
  });

  it('unsigned callers on a staff station are refused', async () => {
    const r = await staff.services.dispatch('idReader.read', {}, ctxFor());
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
