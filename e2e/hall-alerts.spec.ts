import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from './fixtures';
import { startProcess, type HostProcess } from './host-process';
import { testLog } from '../tests/support/test-log';
import { hubCipher } from '../central/queue/draft-sealing';
import { HALL_REQUEST_PAYLOAD_CONTEXT, openPayload } from '../central/sealed-payloads';

/**
 * Issue 17 end to end: a supervisor raises an orange hall alert on a counter station; the
 * counter's workbench shows the staff banner, and the kiosk and the display (their own station
 * processes, same hall, same central) show the customer notice after their sync pulls it. And a
 * fault report taken while central is down reaches central once the link returns, with its
 * arrival commitment.
 */
test.use({ withCentral: true, screenshot: 'only-on-failure' });

const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;

function startStation(centralUrl: string, role: 'kiosk' | 'display', code: string) {
  const dir = mkdtempSync(join(tmpdir(), `hall-e2e-${role}-`));
  return startProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--db', join(dir, `${role}.db`), '--role', role, '--station', code],
    HOST_URL,
    { CENTRAL_URL: centralUrl, HALL_SYNC_FAST: '1', HALL_DEMO: '1' },
  );
}

test('a supervisor raises an orange alert: the counter, the kiosk and the display show it', async ({
  page,
  context,
  central,
}) => {
  test.setTimeout(120_000);
  await central.start();
  const stations: HostProcess[] = [];
  try {
    stations.push(await startStation(central.url, 'kiosk', 'K01'));
    stations.push(await startStation(central.url, 'display', 'D01'));
    const [kioskHost, displayHost] = stations;

    await page.goto('/#/hall-alerts');
    await expect(page.getByTestId('hall-alerts-view')).toBeVisible();
    await expect(page.getByTestId('hall-alert-suggested')).toBeVisible();
    await page.getByTestId('hall-alert-level-orange').click();
    await page.getByTestId('hall-alert-reason').fill('高温负荷高，报修激增');
    await page.getByTestId('hall-alert-guidance-input').fill('优先受理报修，开放备用窗口');
    await page.getByTestId('hall-alert-notice-input').fill('今日报修较多，请耐心等候');
    await page.getByTestId('hall-alert-scripts-input').fill('您好，抢修人员已出发');
    await page.getByTestId('hall-alert-raise').click();
    await expect(page.getByTestId('hall-alert-row-orange')).toBeVisible();

    // The counter's workbench: the banner with the staff guidance, on any screen.
    await page.goto('/#/new');
    await expect(page.getByTestId('hall-alert-orange')).toContainText('高温负荷高');
    await expect(page.getByTestId('hall-alert-guidance')).toContainText('优先受理报修');

    // The display is told (alerts.changed once its sync pulls it); the kiosk reads on its next screen.
    const display = await context.newPage();
    await display.goto(`${displayHost!.url}/#/display`);
    await expect(display.getByTestId('customer-notice-orange')).toContainText(
      '今日报修较多，请耐心等候',
      { timeout: 30_000 },
    );
    const kiosk = await context.newPage();
    await expect(async () => {
      await kiosk.goto(`${kioskHost!.url}/#/kiosk`);
      await expect(kiosk.getByTestId('customer-notice-orange')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    // The customer screens get the notice only: no staff guidance, no prepared answers.
    await expect(kiosk.getByTestId('kiosk')).not.toContainText('优先受理报修');
    await expect(display.getByTestId('display')).not.toContainText('抢修人员已出发');

    // Ended by the supervisor: it leaves the customer screens after their next sync.
    await page.goto('/#/hall-alerts');
    await page.getByTestId('hall-alert-end').click();
    await page.getByRole('button', { name: /确定|OK/ }).click();
    await expect(page.getByTestId('hall-alerts-none')).toBeVisible();
    await expect(display.getByTestId('customer-notice')).toBeHidden({ timeout: 30_000 });
    testLog('hall alert: raised orange, shown on counter, kiosk and display, then ended');
  } finally {
    for (const s of stations) await s.stop();
  }
});

test('a fault report taken offline reaches central when the link returns, with its arrival commitment', async ({
  page,
  central,
}) => {
  test.setTimeout(90_000);
  await page.goto('/#/requests');
  await expect(page.getByTestId('requests-view')).toBeVisible();
  await page.getByTestId('fault-account-no').fill('1234567890');
  await page.getByTestId('fault-phone').fill('138 0013 8000');
  await page.getByTestId('fault-kind').click();
  await page.getByRole('option', { name: '家中无电' }).click();
  await page.getByTestId('fault-area-rural').click();
  await page.getByTestId('fault-submit').click();
  const row = page.getByTestId('requests-table').locator('tbody tr').first();
  await expect(row).toContainText('138****8000');
  await expect(row).toContainText('待发送');
  const requestNo = (await row.locator('td').first().innerText()).trim();

  await central.start();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(`request-sync-${requestNo}`)).toHaveText('中心已接收', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 40_000 });

  const db = new BetterSqlite3(central.dbFile, { readonly: true });
  try {
    const got = db
      .prepare(
        "SELECT kind, arrive_by AS arriveBy, payload FROM hall_requests WHERE kind = 'fault'",
      )
      .all() as { kind: string; arriveBy: string; payload: string }[];
    expect(got).toHaveLength(1);
    // Central seals the request at rest (with its hub keys, beside its database): open it.
    const stored = got[0]!.payload;
    expect(stored).not.toContain('arrivalMinutes');
    const opened = openPayload(hubCipher(central.dbFile), stored, HALL_REQUEST_PAYLOAD_CONTEXT);
    const payload = JSON.parse(opened) as {
      arrivalMinutes: number;
      takenAt: string;
      requestNo: string;
    };
    testLog(
      `central holds fault ${payload.requestNo}: ${payload.arrivalMinutes} min, arrive by ${got[0]!.arriveBy}`,
    );
    expect(payload.requestNo).toBe(requestNo);
    expect(payload.arrivalMinutes).toBe(90);
    // Counted from the report at the counter, not from when it reached central.
    expect(Date.parse(got[0]!.arriveBy) - Date.parse(payload.takenAt)).toBe(90 * 60_000);
  } finally {
    db.close();
  }
});
