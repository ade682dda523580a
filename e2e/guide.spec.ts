import { expect, test } from './fixtures';

/**
 * The guide desk on a staff station: triage recommends a channel and lists the papers (on
 * screen, printable, as a QR code), the self-service demo log records per customer, and
 * markup typed into any free-text field is shown as text.
 */
test.use({ withCentral: true });

const XSS = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';

test('guide triage: business papers go to the counter, a household change may start at the kiosk; papers print', async ({
  page,
  central,
}) => {
  await central.start();
  await page.goto('/#/guide');
  // A business customer: counter, and the paper list names the licence.
  await page.getByTestId('guide-need-new').click();
  await page.getByTestId('guide-type-NEW_LV_BIZ').click();
  await expect(page.getByTestId('guide-channel')).toHaveAttribute('data-channel', 'counter');
  await expect(page.getByTestId('guide-papers')).toContainText('营业执照');
  const before = await page.getByTestId('guide-paper').count();
  // An agent brings a letter of authority too.
  await page.getByTestId('guide-agent').click();
  await expect(page.getByTestId('guide-paper')).toHaveCount(before + 2);
  await expect(page.getByTestId('guide-channel')).toHaveAttribute('data-channel', 'counter');
  await expect(page.getByTestId('guide-service')).toHaveText('新装增容');

  // The printed paper list: only the list, not the wizard.
  await page.evaluate(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed++;
    };
  });
  await page.getByTestId('guide-print').click();
  expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('guide-papers')).toBeVisible();
  await expect(page.getByTestId('guide-need-new')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Change of use for a household: service B.
  await page.getByTestId('guide-need-change').click();
  await page.getByTestId('guide-type-CHG_RENAME').click();
  await expect(page.getByTestId('guide-service')).toHaveText('变更用电');
  await page.getByTestId('guide-issue').click();
  await expect(page.getByTestId('guide-ticket-number')).toHaveText('B001');
  // The waiting count follows.
  await expect(page.getByTestId('guide-load-CHANGE')).toContainText('1');
});

test('guide free-text fields render markup as text (need note, checklist customer and note)', async ({
  page,
  central,
}) => {
  await central.start();
  await page.goto('/#/guide');
  await page.getByTestId('guide-need-new').click();
  await page.getByTestId('guide-need-note').fill(`${XSS}${SCRIPT}`);
  await page.getByTestId('guide-type-NEW_LV_RES').click();
  await expect(page.getByTestId('guide-need-note-shown')).toContainText(`${XSS}${SCRIPT}`);

  await page.getByRole('tab', { name: '自助办电演示记录' }).click();
  await page.getByTestId('checklist-customer').fill(XSS.slice(0, 40));
  await page.getByTestId('checklist-step-register').click();
  await page.getByTestId('checklist-step-realName').click();
  await page.getByTestId('checklist-note').fill(`${SCRIPT}${XSS}`);
  await page.getByTestId('checklist-save').click();
  await expect(page.getByTestId('checklist-saved')).toBeVisible();
  const record = page.getByTestId('checklist-record').first();
  await expect(record.getByTestId('checklist-record-customer')).toHaveText(XSS.slice(0, 40));
  await expect(record.getByTestId('checklist-record-note')).toHaveText(`${SCRIPT}${XSS}`);
  await expect(record).toContainText('2/6');

  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // Survives a reload: stored, and still text.
  await page.reload();
  await page.getByRole('tab', { name: '自助办电演示记录' }).click();
  await expect(page.getByTestId('checklist-record-note').first()).toHaveText(`${SCRIPT}${XSS}`);
});
