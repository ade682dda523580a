import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { VALID } from './workbench';
import type { ApplicationInput } from '../shared/api/schemas';

// Canary personal data submitted through the API: none may reach the diagnostics bundle.
const CANARY = {
  name: '欧阳灵犀',
  mobile: '13987654321',
  detail: '金鸡山路88号7栋1203室',
};

const input = (n: number): ApplicationInput => ({
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: {
    applicantName: CANARY.name,
    idNumber: VALID.idNumber,
    mobile: CANARY.mobile,
    address: {
      province: '福建省',
      city: '福州市',
      district: '晋安区',
      street: '',
      detail: CANARY.detail,
    },
    requestedKva: 4 + n,
    phases: '1',
    agent: 'no',
  },
  papers: [{ code: 'ID_CARD', status: 'received' }],
});

async function submit(request: APIRequestContext, n: number): Promise<void> {
  const res = await request.post('/api/applications.submit', { data: input(n) });
  expect(res.status()).toBe(200);
}

async function applicationCount(request: APIRequestContext): Promise<number> {
  const res = await request.post('/api/applications.list', { data: {} });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { value: { total: number } }).value.total;
}

test('supervisor exports diagnostics without personal data, backs up and restores', async ({
  page,
  host,
}) => {
  for (let i = 1; i <= 3; i += 1) await submit(page.request, i);

  await page.goto('/#/operations');
  await expect(page.getByTestId('operations')).toBeVisible();

  // Export diagnostics: a JSON download with versions and logs, and none of the canaries.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-diagnostics').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^diagnostics-.+\.json$/);
  const bundle = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(bundle)).toMatchObject({ format: 'hall-diagnostics/1' });
  for (const canary of [VALID.idNumber, ...Object.values(CANARY)]) {
    expect(bundle).not.toContain(canary);
  }

  // Back up now, then two more applications the restore must take away.
  await page.getByTestId('backup-now').click();
  const rows = page.getByTestId('backup-list').locator('.el-table__body tr');
  // The start-up backup plus this one.
  await expect(rows).toHaveCount(2);
  for (let i = 4; i <= 5; i += 1) await submit(page.request, i);
  expect(await applicationCount(page.request)).toBe(5);

  const newest = page.locator('[data-testid^="restore-hall.db"]').first();
  await newest.click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-pending')).toBeVisible();
  // Still the current database until the console starts again.
  expect(await applicationCount(page.request)).toBe(5);

  await host.restart();
  expect(await applicationCount(page.request)).toBe(3);
  await page.reload();
  await expect(page.getByTestId('operations')).toBeVisible();
  await expect(page.getByTestId('restore-pending')).toHaveCount(0);
});
