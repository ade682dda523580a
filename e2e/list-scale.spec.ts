import { openDatabase } from '../electron/main/services/db';
import { seedApplications, type SeededRow } from '../electron/main/services/testing/seed';
import { test, expect } from './fixtures';

const ROWS = 100_000;

test(`the applications list stays usable at ${ROWS.toLocaleString('en')} rows`, async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  // Bulk rows straight into the host's own database file (the host keeps running: WAL).
  const db = openDatabase(host.dbFile, { log: () => undefined });
  let probe: SeededRow | undefined;
  let n = 0;
  seedApplications(
    db,
    ROWS,
    { seed: 11, stepMs: 30_000, typeCodes: ['NEW_LV_RES', 'INC_LV_BIZ', 'CHG_TRANSFER'] },
    (row) => {
      if (++n === 54_321) probe = row;
    },
  );
  db.close();
  expect(probe).toBeDefined();

  const offsets: number[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/applications.list')) {
      offsets.push((JSON.parse(req.postData() ?? '{}') as { offset?: number }).offset ?? 0);
    }
  });

  const started = Date.now();
  await page.goto('/#/applications');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  const firstRowsMs = Date.now() - started;
  // The service stops counting at its cap; the list says so instead of a wrong exact figure.
  await expect(page.getByTestId('list-total')).toHaveText(/^超过 \d+ 条$/);
  // Virtual scrolling: only the rows on screen exist in the DOM.
  expect(await page.getByTestId('list-row').count()).toBeLessThan(60);
  // On a 1366×768 counter screen every column up to the deadline shows without scrolling sideways.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  const body = await page.getByTestId('list-body').boundingBox();
  const deadline = await page
    .locator('[role="columnheader"][data-column="deadline"]')
    .boundingBox();
  expect(body && deadline && deadline.x + deadline.width).toBeLessThanOrEqual(
    (body?.x ?? 0) + (body?.width ?? 0),
  );
  if (viewport) await page.setViewportSize(viewport);

  // Scrolling down fetches the next pages through the API (offset/limit), not all at once.
  await page.getByTestId('list-table').hover();
  const scrollStarted = Date.now();
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 5_000);
        return Math.max(...offsets);
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(500);
  const scrollMs = Date.now() - scrollStarted;
  expect(offsets.every((o) => o % 100 === 0)).toBe(true);
  expect(await page.getByTestId('list-row').count()).toBeLessThan(60);

  // Search by a full phone number finds the probe row among 100,000, and only rows with that phone.
  const searchStarted = Date.now();
  await page.getByTestId('list-search').fill(probe!.mobile);
  const hit = page.locator(`[data-testid="list-row"][data-id="${probe!.id}"]`);
  await expect(hit).toBeVisible();
  const searchMs = Date.now() - searchStarted;
  const masked = `${probe!.mobile.slice(0, 3)}****${probe!.mobile.slice(-4)}`;
  await expect(hit).toContainText(masked);
  await expect(hit).toContainText(probe!.applicant_name);
  await expect(page.getByTestId('list-total')).toHaveText(/^共 \d{1,2} 条$/);
  for (const text of await page.getByTestId('list-row').allTextContents()) {
    expect(text).toContain(masked);
  }

  console.log(
    `list at ${ROWS} rows: first rows ${firstRowsMs} ms (page load included), ` +
      `6 pages by scrolling ${scrollMs} ms, phone search ${searchMs} ms (250 ms typing pause included)`,
  );
});
