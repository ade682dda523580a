import { test, expect } from './fixtures';
import {
  ADDRESS,
  VALID,
  checkAndPrintReceipt,
  choose,
  fillAddress,
  fillNumber,
  fillText,
  pickAccountKind,
  printedSheets,
  searchType,
  setPaper,
  submitAndOpenReceipt,
} from './workbench';

// Each test gets a fresh web host on its own SQLite file (see fixtures.ts).

test('household new connection (低压居民新装): from the type grid to a printed receipt', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  // One account kind only: chosen for the clerk.
  await expect(page.getByTestId('account-kind-lv_resident')).toHaveClass(/is-active/);

  await fillText(page, 'applicantName', '林小梅');
  await fillText(page, 'idNumber', VALID.idNumber.toLowerCase()); // lower-case x is accepted
  await fillText(page, 'mobile', VALID.mobile);
  await fillAddress(page, 'address');
  await fillNumber(page, 'requestedKva', 8);
  await choose(page, 'phases', '1');
  await choose(page, 'agent', 'no');
  await setPaper(page, 'ID_CARD', 'received');
  await expect(page.getByTestId('deadline-hint')).toContainText('5');

  const appNo = await submitAndOpenReceipt(page);
  await expect(page.getByTestId('receipt-type')).toContainText('低压居民新装');
  await expect(page.getByTestId('receipt-applicant')).toHaveText('林小梅');
  await expect(page.getByTestId('receipt-address')).toContainText('福建省福州市鼓楼区');
  await expect(page.getByTestId('receipt-address')).not.toContainText('1203');
  await checkAndPrintReceipt(page, {
    appNo,
    idMasked: VALID.idMasked,
    phoneMasked: VALID.mobileMasked,
    received: ['申请人身份证'],
  });
  await expect(page.getByTestId('receipt-deadline')).toContainText('5 个工作日');
  // Fit to print: exactly one A5 sheet by default, one A4 sheet when chosen.
  expect(await printedSheets(page)).toEqual(['420x595']);
  await page.getByTestId('paper-size').getByText('A4').click();
  expect(await printedSheets(page)).toEqual(['595x842']);

  // The list finds it by phone, and the detail shows masked values and the history.
  await page.getByTestId('nav-applications').click();
  await page.getByTestId('list-search').fill(VALID.mobile);
  const row = page.getByTestId('list-row').filter({ hasText: appNo });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(VALID.mobileMasked);
  await row.click();
  await expect(page.getByTestId('detail-app-no')).toHaveText(appNo);
  await expect(page.getByTestId('detail-field-idNumber')).toHaveText(VALID.idMasked);
  await expect(page.getByTestId('detail-field-mobile')).toHaveText(VALID.mobileMasked);
  await expect(page.getByTestId('detail-central-no')).toContainText('尚未同步');
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('history')).toContainText('提交受理');
  await expect(page.locator('body')).not.toContainText(VALID.idNumber);
  await expect(page.locator('body')).not.toContainText(VALID.mobile);
});

test('business capacity increase (低压非居民增容) with a deferred paper (容缺)', async ({
  page,
}) => {
  await page.goto('/');
  await searchType(page, 'capacity increase', 'INC_LV_BIZ');
  await fillText(page, 'accountNo', VALID.accountNo);
  await fillText(page, 'applicantName', '福州闽江包装有限公司');
  await fillText(page, 'creditCode', VALID.creditCode.toLowerCase()); // upper-cased as typed
  await expect(page.getByTestId('field-creditCode').locator('input')).toHaveValue(VALID.creditCode);
  await fillText(page, 'legalRepName', '陈建国');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', `+86 ${VALID.mobile}`);
  await fillNumber(page, 'existingKw', 50);
  await fillNumber(page, 'addedKw', 30);
  await choose(page, 'agent', 'no');
  for (const code of ['BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL']) {
    await setPaper(page, code, 'received');
  }
  await setPaper(page, 'PROPERTY_PROOF', 'missing_accepted');

  const appNo = await submitAndOpenReceipt(page);
  await expect(page.getByTestId('receipt-type')).toContainText('低压非居民增容');
  await expect(page.getByTestId('receipt-papers-missing')).toContainText('容缺受理，待补交');
  await checkAndPrintReceipt(page, {
    appNo,
    idMasked: VALID.idMasked,
    phoneMasked: VALID.mobileMasked,
    received: ['营业执照', '法定代表人身份证', '加盖单位公章的申请书'],
    missing: ['用电地址产权证明或租赁合同'],
  });
  await expect(page.getByTestId('receipt-deadline')).toContainText('6 个工作日');
});

test('transfer of account (过户): save a draft, reopen it from the list, submit', async ({
  page,
}) => {
  await page.goto('/');
  await searchType(page, '过户', 'CHG_TRANSFER');
  // 过户 is open to every kind of account: the clerk must choose.
  await expect(page.getByTestId('application-fields')).toHaveCount(0);
  await pickAccountKind(page, 'lv_resident');
  await fillText(page, 'accountNo', VALID.accountNo);
  await fillText(page, 'applicantName', '王大海');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await page.getByTestId('save-draft').click();
  await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);

  // Find the draft in the list and carry on from where it was left.
  await page.getByTestId('nav-applications').click();
  await page.getByTestId('filter-state').click();
  await page.getByRole('option', { name: '草稿' }).click();
  const draftRow = page.getByTestId('list-row').filter({ hasText: '王大海' });
  await expect(draftRow).toHaveCount(1);
  await draftRow.click();
  await page.getByTestId('continue-draft').click();
  await expect(page.getByTestId('field-applicantName').locator('input')).toHaveValue('王大海');
  await expect(page.getByTestId('field-idNumber').locator('input')).toHaveValue(VALID.idNumber);

  await fillText(page, 'newHolderName', '王小川');
  const newHolderId = '11010520000101003';
  await fillText(page, 'newHolderIdNumber', newHolderId + checkChar(newHolderId));
  await fillText(page, 'newHolderMobile', '15900001111');
  await choose(page, 'chargesSettled', 'yes');
  await choose(page, 'agent', 'yes');
  // An agent brings their own ID and a letter of authority: the form and checklist grow.
  await fillText(page, 'agentName', '李代理');
  await fillText(page, 'agentIdNumber', VALID.idNumber);
  await fillText(page, 'agentMobile', '13700002222');
  for (const code of ['ID_CARD', 'NEW_HOLDER_ID', 'AUTHORIZATION', 'AGENT_ID']) {
    await setPaper(page, code, 'received');
  }
  await setPaper(page, 'TRANSFER_PROOF', 'missing_accepted');

  const appNo = await submitAndOpenReceipt(page);
  await expect(page.getByTestId('receipt-type')).toContainText('过户');
  await checkAndPrintReceipt(page, {
    appNo,
    idMasked: VALID.idMasked,
    phoneMasked: VALID.mobileMasked,
    received: ['申请人身份证', '新户主身份证', '授权委托书', '代理人身份证'],
    missing: ['产权转移证明'],
  });

  // The history keeps the draft and the submission, who and when.
  await page.getByTestId('receipt-details').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('history')).toContainText('创建草稿');
  await expect(page.getByTestId('history')).toContainText('提交受理');
  await expect(page.getByTestId('detail-state')).not.toContainText('草稿');
});

test('an accepted application survives a restart of the web host', async ({ page, host }) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  await fillText(page, 'applicantName', '赵重启');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await fillAddress(page, 'address', { ...ADDRESS, detail: '五四路1号' });
  await fillNumber(page, 'requestedKva', 10);
  await choose(page, 'phases', '3');
  await choose(page, 'agent', 'no');
  await setPaper(page, 'ID_CARD', 'received');
  const appNo = await submitAndOpenReceipt(page);

  await host.restart();

  await page.goto('/#/applications');
  await page.getByTestId('list-search').fill(appNo);
  const row = page.getByTestId('list-row').filter({ hasText: appNo });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('赵重启');
  await row.click();
  await expect(page.getByTestId('detail-app-no')).toHaveText(appNo);
  await page.getByTestId('open-receipt').click();
  await expect(page.getByTestId('receipt-app-no')).toHaveText(appNo);
});

/** GB 11643 check character, so the test can make a second valid ID without a fixture list. */
function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}
