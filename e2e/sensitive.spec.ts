import type { ApplicationInput } from '../shared/api/schemas';
import { expect, test } from './fixtures';
import { addStaff, sessionInitScript } from './staff-session';
import { VALID } from './workbench';

/**
 * Issue 17, sensitive work orders: a third contact on one matter puts the customer on the
 * supervisor's list (opened from the dashboard), and the guide sees the flag at triage.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const GUIDE = { staffNo: 'G171', name: '引导员小周', role: 'guide', secret: '246810' } as const;

const application: ApplicationInput = {
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: {
    applicantName: '林小梅',
    idNumber: VALID.idNumber,
    mobile: VALID.mobile,
    address: { province: '福建省', city: '福州市', district: '鼓楼区', street: '', detail: '1号' },
    requestedKva: 8,
    phases: '1',
    agent: 'no',
  },
  papers: [{ code: 'ID_CARD', status: 'received' }],
};

test('a third contact puts the customer on the sensitive list and the guide sees the flag', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(90_000);
  const submit = async () => {
    const res = await page.request.post('/api/applications.submit', { data: application });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  };
  await submit();
  await submit();
  await page.goto('/#/supervisor');
  await page.getByTestId('dashboard-sensitive').click();
  await expect(page.getByTestId('sensitive-empty')).toBeVisible();

  await submit();
  await page.getByTestId('sensitive-refresh').click();
  await expect(page.getByTestId('sensitive-customer')).toHaveText('林小梅');
  await expect(page.getByTestId('sensitive-reason-repeat')).toHaveText('重复来访');
  await expect(page.getByTestId('sensitive-next-actor')).toHaveText('值班主管');

  const guide = await addStaff(host.url, host.session!, GUIDE);
  const context = await browser.newContext({ baseURL: host.url, locale: 'zh-CN' });
  await context.addInitScript(({ key, value }) => {
    if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
  }, sessionInitScript(guide));
  const desk = await context.newPage();
  await desk.goto('/#/guide');
  await desk.getByTestId('customer-identify-input').fill(VALID.idNumber);
  await desk.getByTestId('customer-identify-input').press('Enter');
  await expect(desk.getByTestId('customer-name')).toHaveText('林小梅');
  await expect(desk.getByTestId('customer-sensitive-flag')).toHaveText('敏感工单');
  await context.close();
});
