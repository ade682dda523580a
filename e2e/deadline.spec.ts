import type { Page } from '@playwright/test';
import { openDatabase } from '../electron/main/services/db';
import type { ApplicationDetail, ApplicationInput } from '../shared/api/schemas';
import { expect, test } from './fixtures';
import { VALID } from './workbench';

// Accepted on Wednesday 2026-09-30 10:00, the working day before National Day (10-01..07 off,
// Saturday 10-10 a make-up working day). A household's 5 working days: 10-08, 10-09, 10-10,
// 10-12, 10-13 → due Tuesday 2026-10-13 17:30.
const ACCEPTED = '2026-09-30T10:00:00+08:00';
test.use({ hallNow: ACCEPTED });

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

/**
 * Moves the browser's clock to `iso` without tripping the idle lock: set the time (no timers
 * fire), touch a key as a clerk at the desk would, then let 31 s run so the views' clock ticks.
 */
async function jumpTo(page: Page, iso: string): Promise<void> {
  await page.clock.setSystemTime(new Date(iso));
  await page.keyboard.press('Shift');
  await page.clock.runFor(31_000);
}

test('accepted the day before National Day: right deadline, then yellow, orange, red as time passes', async ({
  page,
}) => {
  await page.clock.install({ time: new Date(ACCEPTED) });
  const res = await page.request.post('/api/applications.submit', { data: household });
  const reply = (await res.json()) as { ok: boolean; value: ApplicationDetail };
  expect(reply.ok).toBe(true);
  // The services' clock (HALL_NOW) is the counter's acceptance time.
  expect(reply.value.acceptedAt?.slice(0, 16)).toBe('2026-09-30T10:00');
  expect(reply.value.deadlineAt).toBe('2026-10-13T17:30:00.000+08:00');

  await page.goto('/#/applications');
  const row = page.locator(`[data-testid="list-row"][data-id="${reply.value.id}"]`);
  await expect(row).toContainText('2026-10-13 17:30');
  await expect(row).toContainText('剩13天7小时');
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'none');

  // The detail page shows the same commitment with its rule version and working days.
  await row.click();
  const panel = page.getByTestId('service-panel');
  await expect(panel).toContainText('5 个工作日');
  await expect(panel).toContainText('2026-10-13 17:30');
  await expect(panel.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'none');

  // Friday 10-09 09:00: 10-10 (make-up Saturday), 10-12 and 10-13 still to come: no warning.
  await jumpTo(page, '2026-10-09T09:00:00+08:00');
  await page.goto('/#/applications');
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'none');

  // Monday 10-12 09:00: one working day left → yellow.
  await jumpTo(page, '2026-10-12T09:00:00+08:00');
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'yellow');
  await expect(row).toContainText('剩1天8小时');

  // Tuesday 10-13 09:00: due today → orange (the browser clock moved; the view follows it).
  await jumpTo(page, '2026-10-13T09:00:00+08:00');
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'orange');

  // 17:31: past the deadline → red, "已超…".
  await jumpTo(page, '2026-10-13T17:31:00+08:00');
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'red');
  await expect(row).toContainText('已超1分钟');
});

test('a finished (archived) application shows 已归档, no countdown, and leaves the deadline order', async ({
  page,
  host,
}) => {
  await page.clock.install({ time: new Date(ACCEPTED) });
  const submit = async () => {
    const res = await page.request.post('/api/applications.submit', { data: household });
    const reply = (await res.json()) as { ok: boolean; value: ApplicationDetail };
    expect(reply.ok).toBe(true);
    return reply.value;
  };
  const finished = await submit();
  const open = await submit();
  // The central system archived the first (as its stage pull would record it).
  const db = openDatabase(host.dbFile, { log: () => undefined });
  try {
    db.prepare("UPDATE applications SET central_stage = 'ARCHIVE' WHERE id = ?").run(finished.id);
  } finally {
    db.close();
  }

  await page.goto('/#/applications');
  const row = page.locator(`[data-testid="list-row"][data-id="${finished.id}"]`);
  await expect(row.getByTestId('warning-badge')).toHaveAttribute('data-warning', 'closed');
  await expect(row.getByTestId('warning-badge')).toHaveText('已归档');
  await expect(row).toContainText('2026-10-13 17:30');
  await expect(row).not.toContainText('剩');
  const openRow = page.locator(`[data-testid="list-row"][data-id="${open.id}"]`);
  await expect(openRow.getByTestId('warning-badge')).toHaveText('正常');

  // Soonest due first: the open one only, though both are due at the same time.
  await page.getByText('按到期排序').click();
  await expect(openRow).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.goto(`/#/applications/${finished.id}`);
  await expect(page.getByTestId('detail-deadline')).toHaveAttribute('data-warning', 'closed');
  await expect(page.getByTestId('detail-deadline')).toContainText('已归档');
  await expect(page.getByTestId('detail-deadline')).not.toContainText('剩');
  const panel = page.getByTestId('service-panel');
  await expect(panel.getByTestId('warning-badge')).toHaveText('已归档');
});
