import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { trustCentral } from '../testing/trust-fixture';

/**
 * A kiosk's or display's device credential at central (or the hub) reaches only what those
 * screens do. A kiosk sits unattended in the lobby: before this, its credential could call and
 * serve customers, change the queue's settings and read every ticket with the guide's notes.
 */
let t: ReturnType<typeof trustCentral>;
const tokens: Record<'staff' | 'kiosk' | 'display', string> = { staff: '', kiosk: '', display: '' };

async function enrolAs(role: keyof typeof tokens, stationCode: string): Promise<string> {
  const res = await t.admin('POST', '/admin/enrolments', { hallCode: 'HALL-R', stationCode, role });
  if (res.status !== 201) throw new Error(`issuing a ${role} code answered ${res.status}`);
  const { code } = (await res.json()) as { code: string };
  return (await t.enrol(code)).token;
}

beforeAll(async () => {
  t = trustCentral();
  tokens.staff = await enrolAs('staff', 'C01');
  tokens.kiosk = await enrolAs('kiosk', 'K01');
  tokens.display = await enrolAs('display', 'D01');
});
afterAll(() => t.close());

const op = async (role: keyof typeof tokens, name: string, body: unknown) =>
  (await t.call('POST', `/v1/queue/${name}`, body, tokens[role])).status;
const issue = (priority: string) => ({
  id: uuidv7(),
  serviceCode: 'NEW',
  priority,
  channel: 'kiosk',
});
const callNext = () => ({ requestId: uuidv7(), services: ['NEW'] });

describe('central queue: what a customer-facing station may do', () => {
  it('a kiosk takes normal and elderly tickets and reads the board; every staff op is 403', async () => {
    const seen = {
      issueNormal: await op('kiosk', 'issue', issue('normal')),
      issueElderly: await op('kiosk', 'issue', issue('elderly')),
      issueVip: await op('kiosk', 'issue', issue('vip')),
      issueWithCustomer: await op('kiosk', 'issue', { ...issue('normal'), customerRef: uuidv7() }),
      board: await op('kiosk', 'board', { limit: 5 }),
      callNext: await op('kiosk', 'callNext', callNext()),
      tickets: await op('kiosk', 'tickets', {}),
      current: await op('kiosk', 'current', {}),
      measures: await op('kiosk', 'measures', { from: '2026-03-02', to: '2026-03-02' }),
    };
    console.log(`kiosk_queue_ops ${JSON.stringify(seen)}`);
    expect(seen).toEqual({
      issueNormal: 200,
      issueElderly: 200,
      issueVip: 403,
      issueWithCustomer: 403,
      board: 200,
      callNext: 403,
      tickets: 403,
      current: 403,
      measures: 403,
    });
  });

  it('a display reads the board only; a staff station still calls the next customer', async () => {
    expect(await op('display', 'board', { limit: 5 })).toBe(200);
    expect(await op('display', 'issue', issue('normal'))).toBe(403);
    expect(await op('display', 'tickets', {})).toBe(403);
    expect(await op('staff', 'callNext', callNext())).toBe(200);
    expect(await op('staff', 'tickets', {})).toBe(200);
  });
});
