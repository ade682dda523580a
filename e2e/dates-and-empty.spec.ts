import type { ApplicationDetail, ApplicationInput } from '../shared/api/schemas';
import { hallDate } from '../shared/hall-time';
import { expect, test } from './fixtures';
import { VALID } from './workbench';

/**
 * Dates in the zh-CN form with Element Plus pickers (whose texts follow the app's language),
 * charts and tables that say when they are empty, and the holiday calendar edited as a form
 * whose year the deadline engine then counts with.
 */

test('排队统计 shows its dates as YYYY-MM-DD in an Element Plus picker that follows the language', async ({
  page,
}) => {
  await page.goto('/#/queue/measures');
  const today = hallDate(Date.now());
  const inputs = page.getByTestId('measures-range').locator('input');
  await expect(inputs.first()).toHaveValue(today);
  await expect(inputs.last()).toHaveValue(today);
  // The browser's own date box (11/30/2026) is gone.
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  // The picker's own texts are Chinese while the app is…
  await inputs.first().click();
  const [y, m] = today.split('-').map(Number);
  await expect(page.locator('.el-date-range-picker__header').first()).toContainText(
    new RegExp(`${y}\\s*年\\s*${m}\\s*月`),
  );
  await page.keyboard.press('Escape');
  // …and English once the app is.
  await page.getByTestId('lang-en').click();
  await inputs.first().click();
  await expect(page.locator('.el-date-range-picker__header').first()).toContainText(String(y));
  await expect(page.locator('.el-date-range-picker__header').first()).not.toContainText('年');
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-zh').click();
});

test('an empty dashboard chart says 暂无数据 with a hint (在办预警 with nothing open)', async ({
  page,
}) => {
  await page.goto('/#/supervisor');
  const warnings = page.getByTestId('chart-warnings-empty');
  await expect(warnings).toBeVisible();
  await expect(warnings.getByTestId('empty-title')).toHaveText('暂无数据');
  await expect(warnings.getByTestId('empty-hint')).toContainText('当前没有在办业务');
  await expect(page.getByTestId('chart-warnings')).toHaveCount(0);
  // Tables too: the overdue list says why it is empty.
  await expect(page.getByTestId('overdue-table').getByTestId('empty-title')).toHaveText('暂无数据');
});

// Friday 2027-01-29 10:00, beyond the bundled notices. A household's 5 working days:
// Monday to Friday 02-01..02-05 with no holiday notice → due 2027-02-05 17:30; with 春节 on
// 02-01..02-05 and Saturday 01-30 a make-up working day → 01-30, 02-08, 02-09, 02-10, 02-11.
const ACCEPTED = '2027-01-29T10:00:00+08:00';

const household: ApplicationInput = {
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: {
    applicantName: '林晓东',
    idNumber: VALID.idNumber,
    mobile: VALID.mobile,
    address: {
      province: '福建省',
      city: '福州市',
      district: '鼓楼区',
      street: '',
      detail: '东街1号',
    },
    requestedKva: 8,
    phases: '1',
    agent: 'no',
  },
  papers: [{ code: 'ID_CARD', status: 'received' }],
};

test.describe('holiday calendar', () => {
  test.use({ hallNow: ACCEPTED });

  test('the holiday form saves a year (names, ranges, make-up days) that deadlines then use', async ({
    page,
  }, testInfo) => {
    const submit = async () => {
      const res = await page.request.post('/api/applications.submit', { data: household });
      const reply = (await res.json()) as { ok: boolean; value: ApplicationDetail };
      expect(reply.ok).toBe(true);
      return reply.value.deadlineAt;
    };
    expect(await submit()).toBe('2027-02-05T17:30:00.000+08:00');

    await page.clock.install({ time: new Date('2026-11-30T10:00:00+08:00') });
    await page.goto('/#/supervisor');
    const form = page.getByTestId('holiday-form');
    // A bundled year opens with the State Council notice, names included.
    const year = form.getByTestId('holiday-year').locator('input');
    await year.click();
    await page.locator('.el-year-table').getByText('2026', { exact: true }).click();
    await expect(form.getByTestId('holiday-source')).toContainText('内置');
    await expect(form.getByTestId('holiday-period-name').nth(0)).toHaveValue('元旦');
    // 2027: nothing yet.
    await year.click();
    await page.locator('.el-year-table').getByText('2027', { exact: true }).click();
    await expect(form.getByTestId('holiday-source')).toContainText('尚无');
    await expect(form.getByTestId('holiday-period')).toHaveCount(0);

    await form.getByTestId('holiday-add-period').click();
    await form.getByTestId('holiday-period-name').fill('春节');
    const range = form.getByTestId('holiday-period-range').locator('input');
    await range.first().fill('2027-02-01');
    await range.last().fill('2027-02-05');
    await range.last().press('Enter');
    await form.getByTestId('holiday-add-workday').click();
    const workday = form.getByTestId('holiday-workday-date').locator('input');
    // A weekday inside the holiday: refused on its row, nothing saved.
    await workday.fill('2027-02-03');
    await workday.press('Enter');
    await form.getByTestId('holiday-save').click();
    await expect(form.getByTestId('holiday-workday')).toContainText('在放假期间');
    await testInfo.attach('holiday-form-error.png', {
      body: await form.screenshot(),
      contentType: 'image/png',
    });
    await workday.fill('2027-01-30');
    await workday.press('Enter');
    await expect(form.getByTestId('holiday-summary')).toContainText('共 5 天放假，1 天调休上班');
    await form.getByTestId('holiday-save').click();
    await expect(page.getByText('2027 年放假安排已保存')).toBeVisible();
    await expect(form.getByTestId('holiday-source')).toContainText('已保存');
    await testInfo.attach('holiday-form-saved.png', {
      body: await form.screenshot(),
      contentType: 'image/png',
    });

    // The deadline engine counts with the saved year.
    expect(await submit()).toBe('2027-02-11T17:30:00.000+08:00');
    // And the year reads back as entered, name and all (the form opens on next year, 2027).
    await page.reload();
    await expect(year).toHaveValue('2027年');
    await expect(form.getByTestId('holiday-period-name')).toHaveValue('春节');
    await expect(range.first()).toHaveValue('2027-02-01');
    await expect(workday).toHaveValue('2027-01-30');
  });
});
