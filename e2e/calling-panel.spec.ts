import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { VALID, choose, fillAddress, fillNumber, fillText, setPaper } from './workbench';

/**
 * Issue 12, must-haves 7 and 10: the calling panel's undo, wait times, recall list and notes,
 * and the counter's keyboard (F-keys on the panel, Enter / Ctrl+Enter on the form).
 */
test.use({
  withCentral: true,
  screenshot: 'only-on-failure',
  viewport: { width: 1366, height: 768 },
});

/** A screenshot kept as a file in the test's output folder and attached to the report. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The guide issues a ticket for a household new connection, with a triage note. */
async function issueAtGuide(page: Page, note: string): Promise<string> {
  await page.goto('/#/guide');
  await page.getByTestId('guide-need-new').click();
  await page.getByTestId('guide-need-note').fill(note);
  await page.getByTestId('guide-type-NEW_LV_RES').click();
  await page.getByTestId('guide-issue').click();
  const number = page.getByTestId('guide-ticket-number');
  await expect(number).toHaveText(/^A\d{3}$/);
  return (await number.textContent()) ?? '';
}

test('calling panel: notes, live wait minutes, undo of no-show and transfer, recall list, notes into the draft', async ({
  page,
  central,
}, testInfo) => {
  test.setTimeout(120_000);
  await central.start();
  // The page's clock runs on from now; it is moved on by hand to show the wait minutes.
  await page.clock.install();
  const first = await issueAtGuide(page, '客户想了解峰谷电价，回电13812345678');
  await page.getByTestId('guide-need-note').fill('');
  await page.getByTestId('guide-issue').click();
  await expect(page.getByTestId('guide-ticket-number')).not.toHaveText(first);

  await page.getByTestId('nav-queue').click();
  const line = page.getByTestId('counter-waiting');
  await expect(line).toHaveCount(2);
  await expect(line.first()).toHaveAttribute('data-number', first);
  await expect(line.first().getByTestId('counter-waiting-minutes')).toHaveText('已等 0 分钟');
  await expect(line.first().getByTestId('counter-waiting-note')).toBeVisible();
  // Four minutes on (under the 5-minute screen lock), the minutes follow without a reload.
  await page.clock.fastForward('04:00');
  await expect(line.first().getByTestId('counter-waiting-minutes')).toHaveText('已等 4 分钟');

  // F2 calls the next customer: the guide's note comes with the ticket.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  // A phone number typed into the note is masked at the counter; the remark copy keeps it.
  await expect(page.getByTestId('counter-guide-note')).toContainText(
    '客户想了解峰谷电价，回电138****5678',
  );
  await expect(page.getByTestId('counter-guide-note')).not.toContainText('13812345678');
  await shot(page, testInfo, 'calling-panel-1366x768.png');

  // No-show (F8): said at once, with an undo; the ticket shows in today's no-shows.
  await page.keyboard.press('F8');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toHaveAttribute('data-action', 'noShow');
  await expect(page.getByTestId('undo-text')).toHaveText(`${first} 已过号`);
  await expect(page.getByTestId('recall-item')).toHaveAttribute('data-number', first);
  await shot(page, testInfo, 'calling-panel-undo-toast.png');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  await expect(page.getByTestId('counter-ticket-state')).toHaveText('已叫号');
  await expect(toast).toHaveCount(0);
  await expect(page.getByTestId('recall-empty')).toBeVisible();

  // No-show again and let the offer run out; the customer comes back: put back in line.
  await page.getByTestId('counter-no-show').click();
  await expect(toast).toBeVisible();
  await page.clock.fastForward('00:09');
  await expect(toast).toHaveCount(0);
  await page.getByTestId(`recall-requeue-${first}`).click();
  await expect(page.getByTestId('recall-empty')).toBeVisible();
  await expect(line.first()).toHaveAttribute('data-number', first);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);

  // Transfer with an undo: the customer stays at this counter.
  await page.getByTestId('counter-transfer-to').click();
  await page.locator('.el-select-dropdown__item:visible').first().click();
  await page.getByTestId('counter-transfer').click();
  await expect(toast).toHaveAttribute('data-action', 'transfer');
  await expect(page.getByTestId('undo-text')).toContainText(`${first} 已转至`);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  await expect(page.getByTestId('counter-no-ticket')).toHaveCount(0);

  // Taking an application from the ticket carries the note into the draft's remarks.
  await page.getByTestId('counter-take').click();
  await page.getByTestId('type-card-NEW_LV_RES').click();
  await expect(page.getByTestId('field-remark').locator('textarea')).toHaveValue(
    new RegExp(`来自 ${first} 号[\\s\\S]*导办员备注：客户想了解峰谷电价，回电13812345678`),
  );
});

test('help overlay lists the panel keys in zh-CN and en; F1 opens it', async ({
  page,
  central,
}, testInfo) => {
  await central.start();
  await page.goto('/#/queue');
  await expect(page.getByTestId('counter-call-next')).toBeEnabled();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '叫号面板快捷键' });
  await expect(help).toBeVisible();
  await expect(page.getByTestId('key-help-callNext')).toContainText('F2');
  await expect(page.getByTestId('key-help-callNext')).toContainText('叫下一位');
  await expect(page.getByTestId('key-help-noShow')).toContainText('F8');
  await shot(page, testInfo, 'key-help-zh-CN.png');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByTestId('lang-en').click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Calling panel keys' })).toBeVisible();
  await expect(page.getByTestId('key-help-finish')).toContainText('F9');
  await expect(page.getByTestId('key-help-finish')).toContainText('Finish');
  await shot(page, testInfo, 'key-help-en.png');
});

test('application form keyboard: type chosen → first field focused, Enter moves on, Ctrl+Enter submits', async ({
  page,
}) => {
  await page.goto('/#/new');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  const firstInput = page.getByTestId('form-fields').locator('input, textarea').first();
  await expect(firstInput).toBeFocused();
  await page.keyboard.type('林小梅');
  await page.keyboard.press('Enter');
  // Enter went to the next input, not to a submit.
  await expect(firstInput).not.toBeFocused();
  await expect(firstInput).toHaveValue('林小梅');
  const focusedKey = await page.evaluate(() =>
    document.activeElement?.closest('[data-testid^="field-"]')?.getAttribute('data-testid'),
  );
  expect(focusedKey).toMatch(/^field-/);
  expect(focusedKey).not.toBe('field-applicantName');
  await expect(page).toHaveURL(/#\/new$/);
  await fillText(page, 'applicantName', '林小梅');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await fillAddress(page, 'address');
  await fillNumber(page, 'requestedKva', 8);
  await choose(page, 'phases', '1');
  await setPaper(page, 'ID_CARD', 'received');
  // Enter inside the remarks box is a new line, not a move.
  const remark = page.getByTestId('field-remark').locator('textarea');
  await remark.click();
  await page.keyboard.type('第一行');
  await page.keyboard.press('Enter');
  await page.keyboard.type('第二行');
  await expect(remark).toHaveValue('第一行\n第二行');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/applications\/[0-9a-f-]{36}\/receipt$/);
});
