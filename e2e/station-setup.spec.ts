import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type HostProcess } from './host-process';

/**
 * First start of a station (issue 11): a web host on a fresh data folder, no flags and no
 * environment, shows the setup wizard on every route; walking it saves the station config and
 * the console starts as that station.
 */
const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
let host: HostProcess;
let dir: string;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-e2e-setup-'));
  // Development overrides would configure the station: a real first start has none.
  const clean = { CENTRAL_URL: '', HALL_ROLE: undefined, HALL_STATION: undefined };
  host = await startProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--db', join(dir, 'hall.db')],
    HOST_URL,
    clean,
  );
});
test.afterEach(async () => {
  await host.stop();
});

async function walkWizard(page: Page, role: string, stationCode: string): Promise<void> {
  await page.getByTestId(`station-role-${role}`).click();
  await page.getByTestId('station-next').click();
  // A wrong field is named and the wizard stays on its step.
  await page.getByTestId('station-hallCode').fill('HALL 07');
  await page.getByTestId('station-next').click();
  await expect(page.getByText('营业厅编码格式不正确')).toBeVisible();
  await page.getByTestId('station-hallCode').fill('HALL07');
  await page.getByTestId('station-hallName').fill('城东营业厅');
  await page.getByTestId('station-stationCode').fill(stationCode);
  await page.getByTestId('station-next').click();
  await page.getByTestId('station-next').click();
  await expect(page.getByTestId('station-summary')).toContainText(stationCode);
  await page.getByTestId('station-finish').click();
}

test('first start of a counter shows the wizard, then the supervisor first-run setup', async ({
  page,
}) => {
  await page.goto(`${host.url}/#/applications`);
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByTestId('station-setup')).toBeVisible();
  await walkWizard(page, 'counter', 'C05');
  await expect(page.getByTestId('setup-form')).toBeVisible();
  const file = join(dir, 'station-config.json');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    version: 1,
    role: 'counter',
    stationCode: 'C05',
  });
  // Set up once: the wizard is not offered again.
  await page.goto(`${host.url}/#/setup`);
  await expect(page.getByTestId('setup-form')).toBeVisible();
  await expect(page.getByTestId('station-setup')).toHaveCount(0);
});

test('first start of a kiosk lands on the kiosk screen with no sign-in', async ({ page }) => {
  await page.goto(host.url);
  await walkWizard(page, 'kiosk', 'K01');
  await expect(page).toHaveURL(/#\/kiosk/);
  await expect(page.getByTestId('kiosk')).toBeVisible();
  await expect(page.getByTestId('setup-form')).toHaveCount(0);
});
