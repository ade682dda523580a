import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { fromUserMenu } from './workbench';
import { SESSION_HEADER } from './staff-session';

// The supervisor's 员工账号 screen: add (errors inside the dialog), reset a secret, disable and
// enable, change the role; and the sign-in form's attempts left, the same for unknown numbers.

const CLERK = { staffNo: 'C201', name: '柜员周', secret: '246813' };
const NEW_SECRET = 'reset-pass-77';
// Sign-in pays an OWASP-cost scrypt on a busy 2-core machine.
const SCRYPT = { timeout: 30_000 };

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

async function signIn(page: Page, staffNo: string, secret: string): Promise<void> {
  await page.getByTestId('sign-in-staff-no').fill(staffNo);
  await page.getByTestId('sign-in-secret').fill(secret);
  await page.getByTestId('sign-in-submit').click();
}

test('staff accounts: add, reset secret, disable/enable, change role; attempts left', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await page.goto('/#/staff');
  await expect(page.getByTestId('staff-accounts')).toBeVisible();

  // Add: the role radio is labelled 角色; a refused secret is shown inside the dialog.
  await page.getByTestId('account-add').click();
  const dialog = page.locator('.el-dialog').filter({ has: page.getByTestId('account-form') });
  await expect(
    dialog.locator('.el-form-item').filter({ has: page.getByTestId('account-role') }),
  ).toContainText('角色');
  await dialog.getByTestId('account-staff-no').fill(CLERK.staffNo);
  await dialog.getByTestId('account-name').fill(CLERK.name);
  await dialog.getByTestId('account-role-counter').click();
  await dialog.getByTestId('account-secret').fill('12');
  await dialog.getByTestId('account-create').click();
  await expect(dialog).toContainText('密码至少 8 位，或 PIN 至少 6 位数字');
  await expect(page.getByTestId('account-error')).toHaveCount(0);
  await shot(page, info, 'staff-add-error-in-dialog');
  await dialog.getByTestId('account-secret').fill(CLERK.secret);
  await dialog.getByTestId('account-create').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('account-notice')).toContainText(CLERK.staffNo);
  await expect(page.getByTestId(`account-${CLERK.staffNo}`)).toContainText(CLERK.name);

  // The same staff number again (any case): refused, named, inside the dialog.
  await page.getByTestId('account-add').click();
  await dialog.getByTestId('account-staff-no').fill(CLERK.staffNo.toLowerCase());
  await dialog.getByTestId('account-name').fill('重复');
  await dialog.getByTestId('account-secret').fill('another-pass-1');
  await dialog.getByTestId('account-create').click();
  await expect(dialog.getByTestId('account-form-error')).toContainText('该工号已存在');
  await expect(dialog.getByTestId('account-form-error')).not.toContainText(/字段 [A-Za-z]/);
  await expect(page.getByTestId('account-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // Reset the clerk's secret: checked in the dialog, then done with a notice.
  await page.getByTestId(`account-reset-${CLERK.staffNo}`).click();
  const reset = page.locator('.el-dialog').filter({ has: page.getByTestId('reset-secret-form') });
  await expect(reset).toContainText(CLERK.name);
  await reset.getByTestId('reset-secret-new').fill(NEW_SECRET);
  await reset.getByTestId('reset-secret-again').fill('something-else');
  await reset.getByTestId('reset-secret-submit').click();
  await expect(reset).toContainText('两次输入不一致');
  await reset.getByTestId('reset-secret-again').fill(NEW_SECRET);
  await reset.getByTestId('reset-secret-submit').click();
  await expect(reset).toBeHidden(SCRYPT);
  await expect(page.getByTestId('account-notice')).toContainText(`已重置 ${CLERK.staffNo}`);

  // Role: counter → guide, shown in the table and the notice.
  await page.getByTestId(`account-role-select-${CLERK.staffNo}`).click();
  await page.getByTestId(`account-role-option-${CLERK.staffNo}-guide`).click();
  await expect(page.getByTestId('account-notice')).toContainText('引导员');
  await expect(page.getByTestId(`account-role-select-${CLERK.staffNo}`)).toContainText('引导员');

  // Disable (confirmed), then enable again.
  await page.getByTestId(`account-disable-${CLERK.staffNo}`).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId(`account-status-${CLERK.staffNo}`)).toHaveText('已停用');
  await page.getByTestId(`account-enable-${CLERK.staffNo}`).click();
  await expect(page.getByTestId(`account-status-${CLERK.staffNo}`)).toHaveText('正常');
  await shot(page, info, 'staff-accounts');

  // Sign-in: the old secret is refused with the attempts left; an unknown number reads alike.
  await fromUserMenu(page, 'sign-out');
  await signIn(page, CLERK.staffNo, CLERK.secret);
  await expect(page.getByTestId('sign-in-error')).toContainText('还可尝试 4 次', SCRYPT);
  const known = await page.getByTestId('sign-in-error').innerText();
  await signIn(page, 'NOBODY-7', 'not-the-pass-1');
  await expect(page.getByTestId('sign-in-error')).toContainText('还可尝试 4 次', SCRYPT);
  expect(await page.getByTestId('sign-in-error').innerText()).toBe(known);
  await signIn(page, 'NOBODY-7', 'not-the-pass-2');
  await expect(page.getByTestId('sign-in-error')).toContainText('还可尝试 3 次', SCRYPT);
  await shot(page, info, 'sign-in-attempts-left');

  // The reset secret signs the clerk in, now as a guide; the guide's home answers the clerk's
  // session (not a lock screen, as when the page's calls carried the supervisor's token).
  const firstCall = page.waitForResponse(
    (r) =>
      r.url().includes('/api/') &&
      !r.url().includes('/api/auth.') &&
      r.request().headers()[SESSION_HEADER] !== undefined,
    SCRYPT,
  );
  await signIn(page, CLERK.staffNo, NEW_SECRET);
  await expect(page.getByTestId('staff-name')).toContainText(CLERK.name, SCRYPT);
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
  const answer = await firstCall;
  expect(answer.status(), `${new URL(answer.url()).pathname} after the clerk's sign-in`).toBe(200);
  await expect(page.getByTestId('auth-locked')).toHaveCount(0);
  await expect(page.getByTestId('staff-name')).toContainText(CLERK.name);
});
