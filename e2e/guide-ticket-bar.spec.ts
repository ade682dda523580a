import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The guide's 取号 button stays in view at the hall's screen sizes, before and after the triage
 * fills the page with the paper list, and issues the ticket from there.
 */
test.use({ withCentral: true });

/** The button lies wholly inside the window as it stands (no scrolling). */
async function inView(page: Page, testId: string): Promise<{ top: number; bottom: number }> {
  const box = await page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
  return box;
}

test('guide 取号 is visible without scrolling at 1366×768 and 1440×900, and issues the ticket', async ({
  page,
  central,
}, testInfo) => {
  await central.start();
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.goto('/#/guide');
    // Before any choice: in view, and waits for the triage.
    await inView(page, 'guide-issue');
    await expect(page.getByTestId('guide-issue')).toBeDisabled();
    await expect(page.getByTestId('guide-service-none')).toBeVisible();

    // A business customer with an agent: the longest paper list pushes the page past the fold.
    await page.getByTestId('guide-need-new').click();
    await page.getByTestId('guide-type-NEW_LV_BIZ').click();
    await page.getByTestId('guide-agent').click();
    await expect(page.getByTestId('guide-service')).toHaveText('新装增容');
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    const at = `${size.width}×${size.height}`;
    const where = await inView(page, 'guide-issue');
    console.log(
      `guide ${at}: page ${tall} px tall, 取号 button at ${Math.round(where.top)}-${Math.round(where.bottom)} px of ${size.height}`,
    );
    expect(tall).toBeGreaterThan(size.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    if (size.width === 1366) {
      await testInfo.attach('guide-triage-1366x768.png', {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    }
    // The bar never hides the last card: scrolled to the end, the load list is above it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastCard = await page
      .getByTestId('guide-load-NEW')
      .evaluate((el) => el.getBoundingClientRect().bottom);
    const barTop = await page
      .getByTestId('guide-action-bar')
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(lastCard).toBeLessThanOrEqual(barTop);

    await page.getByTestId('guide-priority-elderly').click();
    await page.getByTestId('guide-issue').click();
    await expect(page.getByTestId('guide-ticket-number')).toHaveText(/^A\d{3}$/);
    await inView(page, 'guide-ticket-number');
    await page.getByTestId('guide-restart').click();
  }
});
