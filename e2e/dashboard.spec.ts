import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ApplicationInput } from '../shared/api/schemas';
import { expect, test } from './fixtures';
import { VALID } from './workbench';

/** CSP violations the page reports (DOM event and console). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/frame-ancestors' is ignored when delivered via a <meta> element/.test(text)) return;
    if (/Content Security Policy|Refused to (load|apply|execute|evaluate|connect)/i.test(text))
      seen.push(text);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [
    ...seen,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ];
}

const address = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '',
  detail: '东街1号',
};
const household = (name: string, mobile: string): ApplicationInput => ({
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: {
    applicantName: name,
    idNumber: VALID.idNumber,
    mobile,
    address,
    requestedKva: 8,
    phases: '1',
    agent: 'no',
  },
  papers: [{ code: 'ID_CARD', status: 'received' }],
});
const rename = (name: string, mobile: string): ApplicationInput => ({
  typeCode: 'CHG_RENAME',
  accountKind: 'lv_resident',
  fields: {
    accountNo: VALID.accountNo,
    applicantName: name,
    idNumber: VALID.idNumber,
    mobile,
    newName: `${name}新`,
    agent: 'no',
  },
  papers: [],
});

test('the dashboard draws its charts under the CSP, its figures match what was submitted, and tables export', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  // Seeded through the API: 3 household connections and 2 renames (if the catalogue takes them).
  const submitted = new Map<string, number>();
  const inputs = [
    household('甲一', '13800000001'),
    household('甲二', '13800000002'),
    household('甲三', '13800000003'),
    rename('乙一', '13800000004'),
    rename('乙二', '13800000005'),
  ];
  for (const input of inputs) {
    const res = await page.request.post('/api/applications.submit', { data: input });
    const reply = (await res.json()) as { ok: boolean };
    if (reply.ok) submitted.set(input.typeCode, (submitted.get(input.typeCode) ?? 0) + 1);
  }
  expect(submitted.get('NEW_LV_RES')).toBe(3);

  await page.goto('/');
  await page.getByTestId('nav-supervisor').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const figures = page.getByTestId('by-type-figures').locator('li');
  await expect(figures).toHaveCount(submitted.size);
  for (const [code, n] of submitted) {
    await expect(figures.and(page.locator(`[data-type="${code}"]`))).toHaveAttribute(
      'data-count',
      String(n),
    );
  }
  // Charts are canvases drawn by ECharts.
  await expect(page.getByTestId('chart-by-type').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-by-day').locator('canvas')).toHaveCount(1);
  // Hover a bar: the tooltip is drawn on the canvas, not as HTML with inline styles.
  await page.getByTestId('chart-by-day').hover();
  // No queue service on this console: a labelled "no data" state, not made-up numbers.
  await expect(page.getByTestId('queue-no-data')).toBeVisible();
  await expect(page.getByTestId('attainment-rate')).toHaveText('—');
  await expect(page.getByTestId('overdue-count')).toContainText('0');

  // Export by type as CSV: a real download with a BOM and the same counts.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-byType-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^byType-\d{12}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('业务代码,业务类型,受理量');
  for (const [code, n] of submitted)
    expect(lines.some((l) => l.startsWith(`${code},`) && l.endsWith(`,${n}`))).toBe(true);

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-overdue-xlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^overdue-\d{12}\.xlsx$/);
  // xlsx is a zip: "PK".
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  expect(await violations()).toEqual([]);
});
