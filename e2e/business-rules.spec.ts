import { test, expect } from './fixtures';
import {
  VALID,
  choose,
  fillAddress,
  fillNumber,
  fillText,
  searchType,
  setPaper,
  submitAndOpenReceipt,
} from './workbench';
import type { Page } from '@playwright/test';

// Catalogue 2026.2 at the counter (the newest, pinned by the fixtures), and the supervisor's
// rule-set screen.

/** Element Plus puts a test id on the input itself or on its wrapper, depending on the widget. */
const inputOf = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function fillOrganisation(page: Page): Promise<void> {
  await fillText(page, 'applicantName', '福州闽江包装有限公司');
  await fillText(page, 'creditCode', VALID.creditCode);
  await fillText(page, 'legalRepName', '陈建国');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await choose(page, 'agent', 'no');
}

test('high-voltage new connection (高压新装) with two 630 kVA transformers is accepted', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_HV').click();
  await fillOrganisation(page);
  await fillAddress(page, 'address');
  // 2 × 630 kVA = 1260 kVA: each transformer a standard size, the total need not be.
  await fillNumber(page, 'transformerCount', 2);
  await choose(page, 'transformerKva', 630);
  await choose(page, 'voltageKv', '10');
  await choose(page, 'supplyMode', 'single');
  await choose(page, 'heavyIndustry', 'no');
  await fillText(page, 'loadNature', '包装制造');
  for (const code of [
    'BUSINESS_LICENCE',
    'LEGAL_REP_ID',
    'OFFICIAL_SEAL',
    'PROPERTY_PROOF',
    'EQUIPMENT_LIST',
  ])
    await setPaper(page, code, 'received');
  await submitAndOpenReceipt(page);
  await expect(page.getByTestId('receipt-type')).toContainText('高压新装');
  await expect(page.getByTestId('receipt-deadline')).toContainText('22 个工作日');
});

test('暂换 of a smaller transformer is refused with the rule’s reason', async ({ page }) => {
  await page.goto('/');
  await searchType(page, '暂换', 'CHG_SWAP');
  await fillText(page, 'accountNo', VALID.accountNo);
  await fillOrganisation(page);
  await choose(page, 'voltageKv', '10');
  await choose(page, 'swapCause', 'fault');
  await choose(page, 'currentKva', 630);
  await choose(page, 'swapKva', 500);
  await page.getByTestId('field-swapFrom').locator('input').fill('2099-03-02');
  await page.getByTestId('field-swapFrom').locator('input').press('Enter');
  await page.getByTestId('field-swapUntil').locator('input').fill('2099-04-02');
  await page.getByTestId('field-swapUntil').locator('input').press('Enter');
  await fillText(page, 'reason', '原变压器绕组烧损');
  for (const code of ['BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL'])
    await setPaper(page, code, 'received');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('form-error')).toContainText('暂换变压器容量须大于原变压器容量');
  await expect(page).not.toHaveURL(/receipt$/);
});

test('the supervisor creates a rule-set version; who and when are shown', async ({ page }) => {
  await page.goto('/#/rule-sets');
  await expect(page.getByTestId('rule-set-current-version')).toHaveText('2026.1');
  // The visit limit is the hall's own setting, the answer limit a published commitment.
  await expect(page.getByTestId('figure-kind-visitWorkingDays')).toHaveText('本厅设置');
  await expect(page.getByTestId('figure-kind-answerWorkingDays')).toHaveText('公开规定');

  await inputOf(page, 'rs-version').fill('2099.1');
  // A figure out of range stays as typed, with an error that says the range; save waits.
  const contact = inputOf(page, 'rs-contact');
  await contact.fill('300');
  await contact.press('Tab');
  await expect(contact).toHaveValue('300');
  await expect(page.getByTestId('rs-contact')).toContainText('请填写 1–240 之间的整数');
  await expect(page.getByTestId('rs-save')).toBeDisabled();
  await contact.fill('24');
  const effective = inputOf(page, 'rs-effective');
  await effective.fill('2099-01-01');
  await effective.press('Enter');
  const visit = inputOf(page, 'rs-visit');
  await visit.fill('3');
  await visit.press('Tab');
  await page.getByTestId('rs-save').click();
  await expect(page.locator('.el-message--success')).toContainText('2099.1');

  const row = page.getByTestId('rule-set-versions').locator('tr').filter({ hasText: '2099.1' });
  await expect(row).toContainText('2099-01-01');
  await expect(row).toContainText('待生效');
  await expect(row).not.toContainText('随软件发布');
  // The set in force does not change before its date.
  await expect(page.getByTestId('rule-set-current-version')).toHaveText('2026.1');
});
