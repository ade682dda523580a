import type { ComplaintDetail } from '../shared/api/methods/complaints';
import { expect, test } from './fixtures';

const PHONE = '13912345678';
// Tuesday 2026-09-29 10:00 for the services and the browser alike.
const TUESDAY = '2026-09-29T10:00:00+08:00';
test.use({ hallNow: TUESDAY });

test('a complaint goes round the loop with who and when; the third contact turns red for the supervisor', async ({
  page,
}) => {
  await page.clock.install({ time: new Date(TUESDAY) });
  await page.goto('/#/complaints');
  await page.getByTestId('complaint-take').click();
  await page.getByTestId('complaint-name').fill('周建国');
  await page.getByTestId('complaint-mobile').fill(PHONE);
  // Free text with markup is stored and shown as text.
  await page.getByTestId('complaint-content').fill('<b>九月电费</b>比八月高一倍，要求核查');
  await page.getByTestId('complaint-submit').click();

  await expect(page).toHaveURL(/#\/complaints\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'taken');
  await expect(page.getByTestId('complaint-content-text')).toHaveText(
    '<b>九月电费</b>比八月高一倍，要求核查',
  );
  await expect(page.locator('b', { hasText: '九月电费' })).toHaveCount(0);
  await expect(page.getByText('139****5678').first()).toBeVisible();
  await expect(page.getByText(PHONE)).toHaveCount(0);
  // Contact is due in 24 h, Wednesday 10:00: one working day left, so yellow from the start.
  await expect(page.getByTestId('warning-badge').first()).toHaveAttribute('data-warning', 'yellow');

  await page.getByTestId('step-assignee').fill('计量班');
  await page.getByTestId('do-dispatch').click();
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'dispatched');
  await page.getByTestId('step-note').fill('已电话联系');
  await page.getByTestId('do-contact').click();
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'contacted');
  await expect(page.getByTestId('step-contact').locator('[data-in-time]')).toHaveAttribute(
    'data-in-time',
    'true',
  );
  await page.getByTestId('answer-input').fill('经核查表计正常，系抄表周期调整');
  await page.getByTestId('do-answer').click();
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'answered');
  await page.getByTestId('visit-basically_satisfied').click();
  await page.getByTestId('do-visit').click();
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'visited');
  await page.getByTestId('do-archive').click();
  await expect(page.getByTestId('complaint-state')).toHaveAttribute('data-state', 'archived');
  const events = page.getByTestId('complaint-event');
  await expect(events).toHaveCount(6);
  await expect(events.nth(2)).toContainText('已电话联系');
  await expect(events.nth(1)).toContainText('S001');

  // Two more on the same subject by the same phone: the third is red and reaches the supervisor.
  const take = async () => {
    const res = await page.request.post('/api/complaints.take', {
      data: {
        kind: 'complaint',
        subject: 'billing',
        channel: 'phone',
        customerName: '周建国',
        mobile: PHONE,
        content: '电费问题仍未解决',
      },
    });
    return ((await res.json()) as { value: ComplaintDetail }).value;
  };
  expect((await take()).repeatLevel).toBe('orange');
  const third = await take();
  expect([third.repeatCount, third.repeatLevel]).toEqual([3, 'red']);

  await page.goto('/#/complaints');
  await expect(
    page.locator(`[data-testid="complaint-row"][data-no="${third.complaintNo}"]`),
  ).toHaveAttribute('data-repeat', 'red');
  await page.getByTestId('nav-supervisor').click();
  const repeat = page.getByTestId('repeats-table').getByTestId('repeat-row').first();
  await expect(repeat).toHaveAttribute('data-level', 'red');
  await expect(repeat).toHaveText('3');
  await expect(page.getByTestId('repeats-table')).toContainText('139****5678');
});

test('the complaint form names every bad field at once before sending, and its English labels do not overlap at 1366', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install({ time: new Date(TUESDAY) });
  await page.goto('/#/complaints');
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/complaints.take')) sent += 1;
  });
  await page.getByTestId('complaint-take').click();
  await page.getByTestId('complaint-mobile').fill('1391234567');
  await page.getByTestId('complaint-id').fill('110105194912310021');
  await page.getByTestId('complaint-account').fill('12345');
  await page.getByTestId('complaint-content').fill('x');
  await page.getByTestId('complaint-submit').click();
  const errors = page.getByTestId('complaint-dialog').locator('.el-form-item__error');
  await expect(errors).toHaveCount(5);
  await expect(errors.nth(1)).toContainText('手机号应为11位');
  await expect(errors.nth(2)).toContainText('身份证号校验位不正确');
  await expect(errors.nth(3)).toHaveText('户号应为10位数字');
  expect(sent).toBe(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('lang-en').click();
  await page.getByTestId('complaint-take').click();
  const labels = page.getByTestId('complaint-dialog').locator('.el-form-item__label');
  await expect(labels.first()).toBeVisible();
  // The text's own box (a Range) must stay inside its label: a two-line label in a one-line
  // box spills onto the next row, and a too-wide one past the column's left edge.
  const spills = await labels.evaluateAll((els) =>
    els.flatMap((el) => {
      const box = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const inside =
        text.top >= box.top - 0.5 &&
        text.bottom <= box.bottom + 0.5 &&
        text.left >= box.left - 0.5 &&
        text.right <= box.right + 0.5;
      return inside ? [] : [el.textContent ?? ''];
    }),
  );
  expect(spills, 'labels whose text spills out of their box').toEqual([]);
});

test('reloading with a half-typed application or complaint asks first', async ({ page }) => {
  /** Asks the page to reload (as F5 does) and answers "stay"; the kind of dialog shown, if any. */
  const reloadAndStay = async (): Promise<string> => {
    const dialog = page.waitForEvent('dialog', { timeout: 5000 });
    await page.evaluate(() => window.setTimeout(() => location.reload(), 0));
    const shown = await dialog;
    await shown.dismiss();
    return shown.type();
  };
  await page.goto('/');
  await page.getByTestId('type-card-NEW_LV_RES').click();
  expect(await reloadAndStay()).toBe('beforeunload');
  await expect(page.getByTestId('type-card-NEW_LV_RES')).toHaveCount(0);

  await page.goto('/#/complaints');
  await page.getByTestId('complaint-take').click();
  await page.getByTestId('complaint-content').fill('电费核查');
  expect(await reloadAndStay()).toBe('beforeunload');
  await expect(page.getByTestId('complaint-content')).toHaveValue('电费核查');
});
