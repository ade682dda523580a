import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { minutesText, type Slot } from '../shared/appointments/schemas';
import { hallDate, hallMinutes } from '../shared/hall-time';
import type { IssuedTicket, Ticket } from '../shared/queue/schemas';
import { expect, test } from './fixtures';
import { startProcess } from './host-process';

/**
 * 预约 end to end: the supervisor opens a slot of today; a regular customer takes a ticket
 * first; another customer books the slot at the kiosk, checks in at the guide desk (day list)
 * with mobile + code, and is the first one the counter calls.
 */
test.use({ withCentral: true, screenshot: 'only-on-failure' });

const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const MOBILE = '13957318866';

async function api<T>(request: APIRequestContext, method: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/${method}`, { data });
  const reply = (await res.json()) as { ok: boolean; value: T; error?: { code: string } };
  expect(reply.ok, `${method}: ${reply.error?.code ?? ''}`).toBe(true);
  return reply.value;
}

test('book a slot at the kiosk, check in at the guide desk, get called first', async ({
  central,
  context,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await central.start();
  // The supervisor opens a slot around now (the hub keeps real time) in the form, 新装 service.
  const now = Math.floor(hallMinutes(Date.now()));
  const [startMin, endMin] = [Math.max(0, now - 5), Math.min(1440, now + 60)];
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#/appointments');
  await page.getByRole('tab', { name: '时段设置' }).click();
  await page.getByTestId('appt-slot-start').fill(minutesText(startMin));
  await page.getByTestId('appt-slot-end').fill(minutesText(endMin));
  await page.getByTestId('appt-slot-capacity').fill('2');
  await page.getByTestId('appt-slot-save').click();
  await expect(page.getByTestId('appt-slots').locator('tr', { hasText: '新装增容' })).toContainText(
    minutesText(startMin),
  );
  const [slot] = await api<Slot[]>(page.request, 'appointments.slots', {
    day: hallDate(Date.now()),
  });
  expect(slot).toMatchObject({ serviceCode: 'NEW', startMin, endMin, capacity: 2, booked: 0 });
  const regular = await api<IssuedTicket>(page.request, 'queue.issue', {
    serviceCode: 'NEW',
    priority: 'normal',
  });

  const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-appt-kiosk-'));
  const kioskHost = await startProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--db', join(dir, 'kiosk.db'), '--role', 'kiosk', '--station', 'K01'],
    HOST_URL,
    { CENTRAL_URL: central.url, HALL_SYNC_FAST: '1', HALL_DEMO: '1' },
  );
  try {
    const kiosk = await context.newPage();
    await kiosk.addInitScript(() => {
      window.print = () => undefined;
    });
    await kiosk.goto(`${kioskHost.url}/#/kiosk`);
    await kiosk.getByTestId('kiosk-menu-appointment').click();
    await kiosk.getByTestId(`kiosk-appt-slot-NEW-${startMin}`).click();
    await kiosk.getByTestId('kiosk-appt-mobile').fill(MOBILE);
    await kiosk.getByTestId('kiosk-appt-submit').click();
    const code = (await kiosk.getByTestId('kiosk-appt-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    // The screen shows the phone only masked.
    await expect(kiosk.getByTestId('kiosk-appointment')).toContainText('139****8866');
    await expect(kiosk.getByTestId('kiosk-appointment')).not.toContainText(MOBILE);
    await testInfo.attach('kiosk-booked.png', {
      body: await kiosk.screenshot(),
      contentType: 'image/png',
    });
  } finally {
    await kioskHost.stop();
  }

  // The guide desk: today's list shows the booking waiting; check in with mobile + code.
  await page.goto('/#/appointments');
  await page.reload();
  const list = page.getByTestId('appt-day-list');
  const row = list.locator('tr', { hasText: '139****8866' });
  await expect(row).toContainText('待签到');
  const code = (await row.locator('td').nth(2).textContent())?.trim() ?? '';
  await page.getByTestId('appt-checkin-mobile').fill(MOBILE);
  await page.getByTestId('appt-checkin-code').fill(code);
  await page.getByTestId('appt-checkin-submit').click();
  await expect(page.getByTestId('appt-checkin-done')).toContainText('已签到');
  await expect(page.getByTestId(`appt-state-${code}`)).toHaveText('已签到');
  const number = /排队号 (\S+)/.exec(
    (await page.getByTestId('appt-checkin-done').textContent()) ?? '',
  )?.[1];
  expect(number).toMatch(/^A\d{3}$/);
  expect(number).not.toBe(regular.number);

  // The counter calls: the 预约 ticket comes before the regular one taken earlier.
  const { ticket } = await api<{ ticket: Ticket | null }>(page.request, 'queue.callNext', {
    services: ['NEW'],
  });
  expect(ticket?.number).toBe(number);
  expect(ticket?.priority).toBe('appointment');

  // The dashboard's figures count it.
  await page.goto('/#/supervisor');
  await expect(page.getByTestId('appt-figure-checkedIn')).toHaveText('1');
  await expect(page.getByTestId('appt-figure-booked')).toHaveText('1');
  console.log(
    `appointments e2e: booked at kiosk, checked in at guide desk, first call=${ticket?.number} (regular issued earlier=${regular.number})`,
  );
});
