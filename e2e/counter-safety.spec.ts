import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  VALID,
  choose,
  fillAddress,
  fillNumber,
  fillText,
  setPaper,
  submitAndOpenReceipt,
} from './workbench';

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleViolations: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    // Chromium notes that frame-ancestors cannot work from a <meta> tag: not a violation (the
    // web host sends the same policy as a header, where it does work).
    if (/frame-ancestors' is ignored when delivered via a <meta> element/.test(text)) return;
    if (/Content Security Policy|Refused to (load|apply|execute|evaluate|connect)/i.test(text)) {
      consoleViolations.push(text);
    }
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [
    ...consoleViolations,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ];
}

/** The household form filled with valid values, ready to submit. */
async function fillHousehold(page: Page, name = '林小梅') {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  await fillText(page, 'applicantName', name);
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await fillAddress(page, 'address');
  await fillNumber(page, 'requestedKva', 8);
  await choose(page, 'phases', '1');
  await choose(page, 'agent', 'no');
  await setPaper(page, 'ID_CARD', 'received');
}

async function expectNothingSaved(page: Page) {
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('list-total')).toHaveText('共 0 条');
  await expect(page.getByTestId('list-row')).toHaveCount(0);
  await expect(page.getByTestId('list-empty')).toBeVisible();
}

const fieldError = (page: Page, key: string) =>
  page.getByTestId(`field-${key}`).locator('.el-form-item__error');

test('a wrong resident ID shows the field error and saves nothing', async ({ page }) => {
  await fillHousehold(page);
  // Check character wrong (the valid one ends in X).
  await fillText(page, 'idNumber', '110105194912310021');
  await expect(fieldError(page, 'idNumber')).toContainText('校验');
  await page.getByTestId('submit').click();
  await expect(fieldError(page, 'idNumber')).toBeVisible();
  await expect(page).toHaveURL(/#\/new$/);
  // The service refuses the draft too, and its answer lands on the same field.
  await page.getByTestId('save-draft').click();
  await expect(page.locator('.el-message--error')).toContainText('身份证');
  await expect(fieldError(page, 'idNumber')).toBeVisible();
  // Messages name the field and never echo the value.
  await expect(page.locator('.el-message--error')).not.toContainText('110105194912310021');
  await expectNothingSaved(page);
});

test('a wrong credit code shows the field error and saves nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_BIZ').click();
  await fillText(page, 'applicantName', '福州闽江包装有限公司');
  await fillText(page, 'creditCode', '91350100M000100Y44'); // last character wrong
  await fillText(page, 'legalRepName', '陈建国');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await expect(fieldError(page, 'creditCode')).toBeVisible();
  await page.getByTestId('submit').click();
  await expect(fieldError(page, 'creditCode')).toBeVisible();
  await page.getByTestId('save-draft').click();
  await expect(page.locator('.el-message--error')).toContainText('统一社会信用代码');
  await expectNothingSaved(page);
});

test('a wrong mobile number shows the field error and saves nothing', async ({ page }) => {
  await fillHousehold(page);
  await fillText(page, 'mobile', '12812345678'); // 12x is not a mainland mobile prefix
  await expect(fieldError(page, 'mobile')).toBeVisible();
  await page.getByTestId('submit').click();
  await expect(fieldError(page, 'mobile')).toBeVisible();
  await page.getByTestId('save-draft').click();
  await expect(page.locator('.el-message--error')).toContainText('手机');
  await expectNothingSaved(page);
  // Fixing the value clears the error and the same form goes through.
  await page.getByTestId('nav-new').click();
  await fillText(page, 'mobile', VALID.mobile);
  await expect(fieldError(page, 'mobile')).toHaveCount(0);
  await submitAndOpenReceipt(page);
});

test('a customer name with markup is shown as text, nothing runs, and the CSP holds', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const name = '<img src=x onerror=alert(1)>';

  await fillHousehold(page, name);
  const appNo = await submitAndOpenReceipt(page);
  await expect(page.getByTestId('receipt-applicant')).toHaveText(name);

  await page.getByTestId('nav-applications').click();
  const row = page.getByTestId('list-row').filter({ hasText: appNo });
  await expect(row).toContainText(name);
  // Exercise the popper-based widgets too: their positioning goes through the CSSOM.
  await page.getByTestId('filter-dates').click();
  await page.keyboard.press('Escape');
  await row.click();
  await expect(page.getByTestId('detail-field-applicantName')).toHaveText(name);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-applications')).toHaveText('Applications');
  await page.getByTestId('open-receipt').click();
  await expect(page.getByTestId('receipt-applicant')).toHaveText(name);

  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await violations()).toEqual([]);
});
