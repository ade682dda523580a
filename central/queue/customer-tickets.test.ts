import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from '../server';
import { CustomerTicketsSchema } from '../../shared/queue/customer-tickets';
import { DeviceCredentialsSchema } from '../../shared/sync/protocol';
import { testLog } from '../../tests/support/test-log';
import { centralOnEachStore } from '../../tests/support/central-per-test';

/**
 * `customerTickets`: one customer's tickets with their kiosk ratings, for the customer timeline.
 * On both stores. The hall is the asking device's: another hall's device naming this hall's
 * customer gets nothing, and a kiosk's credential is refused.
 */
const hub = centralOnEachStore('customer tickets', 'central-customer-tickets-');

const call = (path: string, body: unknown, token: string) =>
  fetch(`${hub.central.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

async function staff(hallCode: string): Promise<string> {
  const res = await call(
    '/v1/devices/register',
    {
      hallCode,
      stationCode: 'C01',
      installationId: uuidv7(),
      registrationSecret: DEV_REGISTRATION_SECRET,
    },
    '',
  );
  return DeviceCredentialsSchema.parse(await res.json()).token;
}

async function kiosk(hallCode: string): Promise<string> {
  const issued = await call(
    '/admin/enrolments',
    { hallCode, stationCode: 'K01', role: 'kiosk' },
    hub.central.adminToken,
  );
  const { code } = (await issued.json()) as { code: string };
  const res = await call(
    '/v1/devices/register',
    { installationId: uuidv7(), enrolmentCode: code },
    '',
  );
  return DeviceCredentialsSchema.parse(await res.json()).token;
}

async function queue(op: string, body: unknown, token: string) {
  const res = await call(`/v1/queue/${op}`, body, token);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const issue = (token: string, customerRef?: string) =>
  queue(
    'issue',
    {
      id: uuidv7(),
      serviceCode: 'NEW',
      priority: 'normal',
      channel: 'guide',
      ...(customerRef ? { customerRef } : {}),
    },
    token,
  );

describe.each(hub.engines)('central on %s: a customer’s tickets', (engine) => {
  hub.onEngine(engine);

  it('answers the customer’s tickets of this hall with the rating, newest first', async () => {
    const hallA = await staff('HA');
    const kioskA = await kiosk('HA');
    const customer = uuidv7();
    const first = (await issue(hallA, customer)).body as { id: string; number: string };
    await issue(hallA, uuidv7()); // another customer
    await issue(hallA); // nobody identified
    const called = await queue('callNext', { requestId: uuidv7(), services: ['NEW'] }, hallA);
    expect((called.body.ticket as { id: string }).id).toBe(first.id);
    const finished = await queue(
      'finish',
      { ticketId: first.id, servicesDone: [], applicationIds: [] },
      hallA,
    );
    expect(finished.status).toBe(200);
    const rated = await queue(
      'rate',
      { ticketNumber: first.number, rating: 'satisfied', attitude: 5 },
      kioskA,
    );
    expect(rated.status).toBe(200);
    const second = (await issue(hallA, customer)).body as { id: string };

    const answer = await queue('customerTickets', { customerRefs: [customer] }, hallA);
    expect(answer.status).toBe(200);
    const { tickets } = CustomerTicketsSchema.parse(answer.body);
    testLog(`customer_tickets ${engine}: tickets of the customer answered=${tickets.length}`);
    expect(tickets.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(tickets[1]).toMatchObject({
      number: first.number,
      serviceCode: 'NEW',
      state: 'done',
      rating: { rating: 'satisfied', attitude: 5, quality: null, efficiency: null },
    });
    expect(tickets[1]?.calledAt).not.toBeNull();
    expect(tickets[1]?.finishedAt).not.toBeNull();
    expect(tickets[0]).toMatchObject({ state: 'issued', calledAt: null, rating: null });
  });

  it('another hall’s device naming this hall’s customer gets none; a kiosk is refused', async () => {
    const hallA = await staff('HA');
    const hallB = await staff('HB');
    const kioskA = await kiosk('HA');
    const customer = uuidv7();
    const mine = (await issue(hallA, customer)).body as { id: string };
    // Hall B issuing under the same id does not put its ticket on hall A's customer.
    await issue(hallB, customer);

    const fromB = await queue('customerTickets', { customerRefs: [customer] }, hallB);
    const fromA = await queue('customerTickets', { customerRefs: [customer] }, hallA);
    const fromKiosk = await queue('customerTickets', { customerRefs: [customer] }, kioskA);
    const seenByB = CustomerTicketsSchema.parse(fromB.body).tickets;
    const seenByA = CustomerTicketsSchema.parse(fromA.body).tickets;
    testLog(
      `customer_tickets ${engine}: hall B saw ${seenByB.length} of its own, ` +
        `hall A saw ${seenByA.length}, kiosk status ${fromKiosk.status}`,
    );
    expect(seenByB.map((t) => t.id)).not.toContain(mine.id);
    expect(seenByB).toHaveLength(1);
    expect(seenByA.map((t) => t.id)).toEqual([mine.id]);
    expect(fromKiosk.status).toBe(403);
    const bad = await queue('customerTickets', { customerRefs: [] }, hallA);
    expect(bad.status).toBe(400);
  });
});
