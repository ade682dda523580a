import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  choose,
  fillAddress,
  fillNumber,
  fillText,
  setPaper,
  submitAndOpenReceipt,
  VALID,
} from './workbench';

// Certificate types and code checks (issue 13 items 9–11), against the real web host.

const fieldError = (page: Page, key: string) =>
  page.getByTestId(`field-${key}`).locator('.el-form-item__error');

test('a passport holder applies for a household connection, with the phone typed in groups', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  await fillText(page, 'applicantName', 'John Smith');
  // Under the default type (居民身份证) a passport number is refused by the ID check…
  await fillText(page, 'idNumber', 'e1234 5678');
  await page.getByTestId('field-applicantName').locator('input').click();
  await expect(fieldError(page, 'idNumber')).toContainText('身份证');
  // …and accepted once the clerk says it is a passport.
  await choose(page, 'idType', 'passport');
  await expect(fieldError(page, 'idNumber')).toHaveCount(0);
  await fillText(page, 'mobile', '+86 138-0013-8000');
  await fillAddress(page, 'address');
  await fillNumber(page, 'requestedKva', 8);
  await choose(page, 'phases', '1');
  await setPaper(page, 'ID_CARD', 'received');

  const appNo = await submitAndOpenReceipt(page);
  // Masked on paper: the first and the last three of a short certificate number.
  await expect(page.getByTestId('receipt-id')).toHaveText('E*****678');
  await expect(page.getByTestId('receipt-phone')).toHaveText('138****8000');
  await expect(page.locator('body')).not.toContainText('E12345678');

  // The same phone typed another way finds it (normalised before the keyed hash).
  await page.getByTestId('nav-applications').click();
  await page.getByTestId('list-search').fill('138 0013 8000');
  await expect(page.getByTestId('list-row').filter({ hasText: appNo })).toHaveCount(1);
});

test('a credit code with a registration authority that does not exist gets a field error', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_BIZ').click();
  await fillText(page, 'applicantName', '福州闽江包装有限公司');
  // B1350100M000100Y4 with its right GB 32100 check character: only the authority B is wrong.
  await fillText(page, 'creditCode', 'B1350100M000100Y41');
  await fillText(page, 'legalRepName', '陈建国');
  await expect(fieldError(page, 'creditCode')).toContainText('登记管理部门代码');
  await expect(fieldError(page, 'creditCode')).toContainText('请核对营业执照');
  await expect(fieldError(page, 'creditCode')).not.toContainText('M000100');

  // A failing GB 11714 organisation code is a warning: shown, but the field has no error.
  await fillText(page, 'creditCode', '91350100M000100Y56');
  await fillText(page, 'legalRepName', '陈建国');
  await expect(page.getByTestId('field-warning-creditCode')).toContainText('GB 11714');
  await expect(fieldError(page, 'creditCode')).toHaveCount(0);

  // The clean code clears both.
  await fillText(page, 'creditCode', VALID.creditCode);
  await fillText(page, 'legalRepName', '陈建国');
  await expect(page.getByTestId('field-warning-creditCode')).toHaveCount(0);
});
