import type { Page } from '@playwright/test';
import type { Session } from '../shared/auth/schemas';
import type { ApplicationInput } from '../shared/api/schemas';
import { expect, test } from './fixtures';
import { SESSION_HEADER, E2E_SUPERVISOR } from './staff-session';
import { VALID } from './workbench';

/**
 * Issue 15: a customer's tags show at the guide's triage and at the counter; a 敏感客户 gives
 * the clerk a warning to acknowledge before starting; an account manager calls their customer
 * ahead of the line ("叫我的客户").
 */
test.use({ withCentral: true, viewport: { width: 1366, height: 768 } });

async function api<T>(url: string, session: Session, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SESSION_HEADER]: session.token },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: boolean; value?: T; error?: { code: string } };
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.code ?? res.status}`);
  return reply.value as T;
}

/** A household application for the certificate, so the customer has a record; its id. */
async function customerWith(url: string, session: Session, idNumber: string): Promise<string> {
  const input: ApplicationInput = {
    typeCode: 'NEW_LV_RES',
    accountKind: 'lv_resident',
    fields: {
      applicantName: '林小梅',
      idNumber,
      mobile: VALID.mobile,
      address: {
        province: '福建省',
        city: '福州市',
        district: '鼓楼区',
        street: '',
        detail: '1号',
      },
      requestedKva: 8,
      phases: '1',
      agent: 'no',
    },
    papers: [{ code: 'ID_CARD', status: 'received' }],
  };
  await api(url, session, 'applications.submit', input);
  const found = await api<{ customer: { id: string } | null }>(url, session, 'customers.identify', {
    idNumber,
  });
  if (!found.customer) throw new Error('no customer record after the submit');
  return found.customer.id;
}

/** The guide issues a household ticket, for the customer typed at triage when given. */
async function issueAtGuide(page: Page, idNumber?: string): Promise<string> {
  await page.goto('/#/guide');
  const restart = page.getByTestId('guide-restart');
  if (await restart.isVisible()) await restart.click();
  if (idNumber) {
    await page.getByTestId('customer-identify-input').fill(idNumber);
    await page.getByTestId('customer-identify-input').press('Enter');
    await expect(page.getByTestId('customer-name')).toHaveText('林小梅');
  }
  await page.getByTestId('guide-need-new').click();
  await page.getByTestId('guide-type-NEW_LV_RES').click();
  await page.getByTestId('guide-issue').click();
  const number = page.getByTestId('guide-ticket-number');
  await expect(number).toHaveText(/^A\d{3}$/);
  return (await number.textContent()) ?? '';
}

test('a sensitive customer: tags at triage, a warning the clerk acknowledges before serving', async ({
  page,
  host,
  central,
}) => {
  test.setTimeout(120_000);
  await central.start();
  const session = host.session as Session;
  const id = await customerWith(host.url, session, VALID.idNumber);
  await api(host.url, session, 'customers.setTag', {
    customerId: id,
    tag: 'sensitive',
    reason: '多次投诉电费',
  });
  await api(host.url, session, 'customers.setTag', {
    customerId: id,
    tag: 'elderly',
    reason: '82岁',
  });

  const number = await issueAtGuide(page, VALID.idNumber);
  // The guide sees the chips; the 老年 tag gave the ticket its priority.
  await expect(page.getByTestId('customer-tag-sensitive')).toHaveText('敏感客户');
  await expect(page.locator('.el-dialog', { hasText: '敏感客户提示' })).toBeHidden();

  await page.getByTestId('nav-queue').click();
  await page.getByTestId('counter-call-next').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(number);
  const warning = page.locator('.el-dialog', { hasText: '敏感客户提示' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('多次投诉电费');
  await expect(page.getByTestId('counter-serve')).toBeDisabled();
  await page.getByTestId('customer-warning-ack').click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('customer-tag-elderly')).toBeVisible();
  await page.getByTestId('counter-serve').click();
  await expect(page.getByTestId('counter-ticket-state')).toHaveText('办理中');
});

test('an account manager calls their customer ahead of the line', async ({
  page,
  host,
  central,
}) => {
  test.setTimeout(120_000);
  await central.start();
  const session = host.session as Session;
  const id = await customerWith(host.url, session, VALID.idNumber);
  await api(host.url, session, 'customers.assignManager', {
    customerId: id,
    manager: E2E_SUPERVISOR.staffNo,
  });

  const someoneElse = await issueAtGuide(page);
  const mine = await issueAtGuide(page, VALID.idNumber);

  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('counter-waiting')).toHaveCount(2);
  await page.getByTestId('counter-call-mine').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(mine);
  await expect(page.getByTestId('customer-name')).toHaveText('林小梅');
  await page.getByTestId('counter-finish').click();
  await page.getByTestId('counter-finish-confirm').click();
  // Nobody of theirs is left: the ordinary call takes the one who waited.
  await page.getByTestId('counter-call-mine').click();
  await expect(page.getByTestId('counter-no-ticket')).toHaveText('当前没有等候的客户');
  await page.getByTestId('counter-call-next').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(someoneElse);
});
