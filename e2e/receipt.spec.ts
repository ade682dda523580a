import type { Page, TestInfo } from '@playwright/test';
import QRCode from 'qrcode';
import { test, expect } from './fixtures';
import { ADDRESS, VALID, printedSheets } from './workbench';
import { CATALOGUE, findType, papersFor } from '../shared/catalogue';
import type { AccountKind } from '../shared/catalogue';
import type { ApplicationDetail, FieldValues } from '../shared/api/schemas';
import { E2E_SUPERVISOR } from './staff-session';

// The receipt a customer takes home, per family: the fields of its type and account kind,
// masked; the QR opens the hall's own query address; one sheet of A5 or A4, nothing cut off.

const QUERY_TEMPLATE = 'https://jindu.hall07.example.cn/q?no={applicationNo}';
const NEW_HOLDER_ID = withCheckChar('11010520000101003');

/** Submits through the API as the signed-in supervisor (the form has its own specs). */
async function submit(
  page: Page,
  code: string,
  kind: AccountKind,
  fields: FieldValues,
  deferred: string[] = [],
): Promise<ApplicationDetail> {
  const type = findType(CATALOGUE, code);
  if (!type) throw new Error(`no ${code} in the catalogue`);
  const papers = papersFor(type, kind, fields).map((p) => ({
    code: p.code,
    status: deferred.includes(p.code) ? ('missing_accepted' as const) : ('received' as const),
  }));
  const res = await page.request.post('/api/applications.submit', {
    data: { typeCode: code, accountKind: kind, fields, papers },
  });
  const reply = (await res.json()) as { ok: boolean; value: ApplicationDetail; error?: unknown };
  expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
  return reply.value;
}

/** The QR image must be the one the qrcode library draws for exactly this text. */
async function expectQrFor(page: Page, text: string): Promise<void> {
  const qr = page.getByTestId('receipt-qr');
  await expect(qr).toHaveAttribute('data-qr-text', text);
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const src = (await qr.getAttribute('src')) ?? '';
  expect(decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(svg);
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
}

/** Printed on each sheet size: one page of that size, and no line wider than the sheet. */
async function expectFitsPrinted(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const [paper, sheet] of [
    ['A5', '420x595'],
    ['A4', '595x842'],
  ] as const) {
    await page.getByTestId('paper-size').getByText(paper).click();
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.getByTestId('receipt').evaluate((sheetEl) => {
      const box = sheetEl.getBoundingClientRect();
      const out = [...sheetEl.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().right > box.right + 1,
      );
      return { wider: sheetEl.scrollWidth > sheetEl.clientWidth + 1, cut: out.length };
    });
    expect(overflow, `${name} on ${paper}`).toEqual({ wider: false, cut: 0 });
    await page.emulateMedia({ media: null });
    expect(await printedSheets(page), `${name} on ${paper}`).toEqual([sheet]);
  }
  await page.getByTestId('paper-size').getByText('A5').click();
  const path = info.outputPath(`receipt-${name}-a5.png`);
  await page.getByTestId('receipt').screenshot({ path });
  await info.attach(`receipt-${name}-a5`, { path, contentType: 'image/png' });
}

async function openReceipt(page: Page, saved: ApplicationDetail): Promise<void> {
  await page.goto(`/#/applications/${saved.id}/receipt`);
  await expect(page.getByTestId('receipt-app-no')).toHaveText(saved.appNo);
}

const queryUrl = (appNo: string) => QUERY_TEMPLATE.replace('{applicationNo}', appNo);

test('receipts per family carry their own fields, the hall query QR, and fit A5 and A4', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  // The supervisor sets the hall's query address (station settings; the services restart).
  await page.goto('/#/station');
  await page.getByTestId('station-receiptQueryUrl').fill('http://x.cn/q?no={applicationNo}');
  await page.getByTestId('station-save').click();
  await expect(page.getByTestId('station-settings')).toContainText('必须是 https:// 开头的网址');
  await page.getByTestId('station-receiptQueryUrl').fill(QUERY_TEMPLATE);
  await page.getByTestId('station-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect
    .poll(async () => (await page.request.post('/api/station.config', { data: {} })).json())
    .toMatchObject({ value: { config: { receiptQueryUrl: QUERY_TEMPLATE } } });

  // Household 新装.
  const household = await submit(page, 'NEW_LV_RES', 'lv_resident', {
    applicantName: '林小梅',
    idNumber: VALID.idNumber,
    mobile: VALID.mobile,
    address: ADDRESS as unknown as FieldValues[string],
    requestedKva: 8,
    phases: '1',
    agent: 'no',
  });
  await openReceipt(page, household);
  const receipt = page.getByTestId('receipt');
  await expect(page.getByTestId('receipt-type')).toHaveText('低压居民新装（低压居民）');
  await expect(page.getByTestId('receipt-applicant')).toHaveText('林小梅');
  await expect(page.getByTestId('receipt-id')).toHaveText(VALID.idMasked);
  await expect(page.getByTestId('receipt-phone')).toHaveText(VALID.mobileMasked);
  await expect(page.getByTestId('receipt-address')).toHaveText('福建省福州市鼓楼区****');
  await expect(page.getByTestId('receipt-field-requestedKva')).toHaveText('8 kVA');
  await expect(page.getByTestId('receipt-field-phases')).toHaveText('单相220V');
  await expect(page.getByTestId('receipt-fields')).not.toContainText('单位名称');
  await expect(page.getByTestId('receipt-deadline')).toHaveText(/\d{4}-\d{2}-\d{2}.*5 个工作日/);
  await expect(page.getByTestId('receipt-counter')).toContainText('C01 窗口');
  await expect(page.getByTestId('receipt-clerk')).toHaveText(E2E_SUPERVISOR.staffNo);
  await expect(page.getByTestId('receipt-papers-received')).toContainText('申请人身份证');
  await expectQrFor(page, queryUrl(household.appNo));
  await expect(receipt).not.toContainText(VALID.idNumber);
  await expect(receipt).not.toContainText(VALID.mobile);
  await expect(receipt).not.toContainText(ADDRESS.detail);
  await expectFitsPrinted(page, info, 'household-new');

  // Business 增容: organisation fields, capacities, the credit code masked.
  const business = await submit(
    page,
    'INC_LV_BIZ',
    'lv_business',
    {
      accountNo: VALID.accountNo,
      applicantName: '福州闽江包装有限公司',
      creditCode: VALID.creditCode,
      legalRepName: '陈建国',
      idNumber: VALID.idNumber,
      mobile: VALID.mobile,
      existingKw: 50,
      addedKw: 30,
      agent: 'no',
    },
    ['PROPERTY_PROOF'],
  );
  await openReceipt(page, business);
  await expect(page.getByTestId('receipt-type')).toHaveText('低压非居民增容（低压非居民）');
  await expect(page.getByTestId('receipt-field-accountNo')).toHaveText(VALID.accountNo);
  await expect(page.getByTestId('receipt-applicant')).toHaveText('福州闽江包装有限公司');
  await expect(page.getByTestId('receipt-field-creditCode')).toHaveText(VALID.creditMasked);
  await expect(page.getByTestId('receipt-field-legalRepName')).toHaveText('陈建国');
  await expect(page.getByTestId('receipt-field-existingKw')).toHaveText('50 kW');
  await expect(page.getByTestId('receipt-field-addedKw')).toHaveText('30 kW');
  const bizFields = page.getByTestId('receipt-fields');
  await expect(bizFields).toContainText('统一社会信用代码');
  await expect(bizFields).toContainText('法定代表人证件号码');
  await expect(bizFields).not.toContainText('申请人姓名');
  await expect(page.getByTestId('receipt-papers-missing')).toContainText('容缺受理，待补交');
  await expectQrFor(page, queryUrl(business.appNo));
  await expect(page.getByTestId('receipt')).not.toContainText(VALID.creditCode);
  await expectFitsPrinted(page, info, 'business-increase');

  // Household 过户 with an agent: the new holder is on the receipt, no business-only field.
  const transfer = await submit(
    page,
    'CHG_TRANSFER',
    'lv_resident',
    {
      accountNo: VALID.accountNo,
      applicantName: '王大海',
      idNumber: VALID.idNumber,
      mobile: VALID.mobile,
      newHolderName: '王小川',
      newHolderIdNumber: NEW_HOLDER_ID,
      newHolderMobile: '15900001111',
      chargesSettled: 'yes',
      agent: 'yes',
      agentName: '李代理',
      agentIdNumber: VALID.idNumber,
      agentMobile: '13700002222',
    },
    ['TRANSFER_PROOF'],
  );
  await openReceipt(page, transfer);
  await expect(page.getByTestId('receipt-type')).toHaveText('过户（低压居民）');
  await expect(page.getByTestId('receipt-field-newHolderName')).toHaveText('王小川');
  await expect(page.getByTestId('receipt-field-newHolderIdNumber')).toHaveText(
    `${NEW_HOLDER_ID.slice(0, 3)}***********${NEW_HOLDER_ID.slice(-4)}`,
  );
  await expect(page.getByTestId('receipt-field-newHolderMobile')).toHaveText('159****1111');
  await expect(page.getByTestId('receipt-field-accountNo')).toHaveText(VALID.accountNo);
  await expect(page.getByTestId('receipt-field-agentName')).toHaveText('李代理');
  const transferFields = page.getByTestId('receipt-fields');
  for (const businessOnly of ['单位名称', '法定代表人', '统一社会信用代码'])
    await expect(transferFields).not.toContainText(businessOnly);
  await expect(page.getByTestId('receipt-papers-missing')).toContainText('产权转移证明');
  await expectQrFor(page, queryUrl(transfer.appNo));
  await expect(page.getByTestId('receipt')).not.toContainText(NEW_HOLDER_ID);
  await expectFitsPrinted(page, info, 'household-transfer');

  // Its detail page: the same applicability (issue 12 found 单位名称 on a household 过户).
  await page.getByTestId('receipt-details').click();
  const detail = page.getByTestId('detail-fields');
  await expect(detail).toContainText('新户主姓名');
  await expect(detail).toContainText('申请人姓名');
  for (const businessOnly of ['单位名称', '法定代表人证件号码', '新户主单位名称'])
    await expect(detail).not.toContainText(businessOnly);
  const path = info.outputPath('detail-household-transfer.png');
  await page.screenshot({ path, fullPage: true });
  await info.attach('detail-household-transfer', { path, contentType: 'image/png' });
});

/** GB 11643 check character, so the test can make a second valid ID without a fixture list. */
function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
