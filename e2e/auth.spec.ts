import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SESSION_HEADER } from './staff-session';
import { VALID, fromUserMenu } from './workbench';
import type { ApplicationInput } from '../shared/api/schemas';
import { SESSION_STORAGE_KEY } from '../shared/auth/session-transport';

// This spec drives first run itself: the fixture leaves the station without any account.
test.use({ signIn: false });

// Every refusal pays one OWASP-cost scrypt (about 1 s, several on a busy 2-core machine).
const SCRYPT_ANSWER = { timeout: 30_000 };

const SUP = { staffNo: 'S900', name: '林主管', secret: 'Supervisor-2026' };
const CLERK = { staffNo: 'C901', name: '周柜员', secret: '482916' };
const CUSTOMER = { name: '陈美华', mobile: '13812345678' };

async function signIn(page: Page, staffNo: string, secret: string): Promise<void> {
  await page.getByTestId('sign-in-staff-no').fill(staffNo);
  await page.getByTestId('sign-in-secret').fill(secret);
  await page.getByTestId('sign-in-submit').click();
}

/** First run through the screens; returns the recovery code shown once. */
async function firstRun(page: Page): Promise<string> {
  await page.getByTestId('setup-staff-no').fill(SUP.staffNo);
  await page.getByTestId('setup-name').fill(SUP.name);
  await page.getByTestId('setup-secret').fill(SUP.secret);
  await page.getByTestId('setup-secret-again').fill(SUP.secret);
  await page.getByTestId('setup-submit').click();
  // The recovery code comes first, once; the workbench opens only after it is noted.
  // Two OWASP-cost scrypts (secret and recovery code): give a loaded machine time.
  await expect(page.getByTestId('recovery-code-notice')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('nav-new')).toHaveCount(0);
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
  await expect(page.getByTestId('recovery-code-continue')).toBeDisabled();
  await page.getByTestId('recovery-code-noted').click();
  await page.getByTestId('recovery-code-continue').click();
  await expect(page.getByTestId('staff-name')).toContainText(SUP.name);
  return code;
}

async function submitAsSignedIn(page: Page): Promise<void> {
  const stored = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY);
  const token = (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
  const input: ApplicationInput = {
    typeCode: 'NEW_LV_RES',
    accountKind: 'lv_resident',
    fields: {
      applicantName: CUSTOMER.name,
      idNumber: VALID.idNumber,
      mobile: CUSTOMER.mobile,
      address: {
        province: '福建省',
        city: '福州市',
        district: '鼓楼区',
        street: '',
        detail: '八一七北路1号',
      },
      requestedKva: 8,
      phases: '1',
      agent: 'no',
    },
    papers: [{ code: 'ID_CARD', status: 'received' }],
  };
  const res = await page.request.post('/api/applications.submit', {
    data: input,
    headers: { [SESSION_HEADER]: token },
  });
  expect(res.status()).toBe(200);
}

test('first run, sign-in, lockout after 5 failures, supervisor unlock, idle auto-lock', async ({
  page,
}) => {
  test.setTimeout(240_000); // a dozen OWASP-cost scrypts on a shared 2-core machine
  await page.clock.install();
  await page.goto('/');

  // First run: no account exists, the supervisor creates theirs.
  await expect(page.getByTestId('auth-setup')).toBeVisible();
  await expect(page.getByTestId('nav-new')).toHaveCount(0);
  await firstRun(page);

  // The supervisor adds a counter clerk.
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('account-add').click();
  await page.getByTestId('account-staff-no').fill(CLERK.staffNo);
  await page.getByTestId('account-name').fill(CLERK.name);
  await page.getByTestId('account-role-counter').click();
  await page.getByTestId('account-secret').fill(CLERK.secret);
  await page.getByTestId('account-create').click();
  await expect(page.getByTestId(`account-${CLERK.staffNo}`)).toBeVisible();
  await fromUserMenu(page, 'sign-out');

  // Five wrong PINs lock the clerk out; then even the right PIN is refused. The answers count
  // down the attempts left, and a staff number nobody has runs the very same sequence (the
  // count is per typed number, not the account's: docs/security.md).
  await expect(page.getByTestId('auth-signedOut')).toBeVisible();
  const answersFor = async (staffNo: string, secrets: string[]) => {
    const answers: string[] = [];
    for (const secret of secrets) {
      // Wait for this answer, not the previous one still on screen.
      const before = answers.at(-1) ?? '';
      await signIn(page, staffNo, secret);
      await expect(page.getByTestId('sign-in-error')).toContainText(
        '工号或密码错误',
        SCRYPT_ANSWER,
      );
      if (answers.length < 5)
        await expect(page.getByTestId('sign-in-error')).not.toHaveText(before, SCRYPT_ANSWER);
      answers.push(await page.getByTestId('sign-in-error').innerText());
    }
    return answers;
  };
  const tries = ['000001', '000002', '000003', '000004', '000005', CLERK.secret];
  const clerkAnswers = await answersFor(CLERK.staffNo, tries);
  expect(clerkAnswers[0]).toContain('还可尝试 4 次');
  expect(clerkAnswers[4]).toContain('已暂时锁定');
  expect(clerkAnswers[5]).toBe(clerkAnswers[4]);
  expect(await answersFor('NOBODY-1', tries)).toEqual(clerkAnswers);
  await expect(page.getByTestId('nav-new')).toHaveCount(0);

  // The supervisor unlocks the account.
  await signIn(page, SUP.staffNo, SUP.secret);
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId(`account-status-${CLERK.staffNo}`)).toContainText('锁定至');
  await page.getByTestId(`account-unlock-${CLERK.staffNo}`).click();
  await expect(page.getByTestId('account-notice')).toContainText(CLERK.staffNo);
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toContainText('审计记录完整');
  await fromUserMenu(page, 'sign-out');

  // The clerk signs in and sees a customer's (masked) data in the list.
  await signIn(page, CLERK.staffNo, CLERK.secret);
  await expect(page.getByTestId('staff-name')).toContainText(CLERK.name);
  await expect(page.getByTestId('nav-staff')).toHaveCount(0);
  await submitAsSignedIn(page);
  await page.getByTestId('nav-applications').click();
  await expect(page.getByText(CUSTOMER.name).first()).toBeVisible();
  await expect(page.getByText(VALID.mobileMasked).first()).toBeVisible();

  // The clerk may see the full ID number on request (the services audit it).
  await page.getByTestId('list-row').first().click();
  await expect(page.getByTestId('detail-field-idNumber')).toHaveText(VALID.idMasked);
  await page.getByTestId('reveal-idNumber').click();
  await expect(page.getByTestId('detail-field-idNumber')).toHaveText(VALID.idNumber);

  // Idle for longer than the lock time: the lock screen shows no customer data at all.
  await page.clock.fastForward('05:30');
  await expect(page.getByTestId('auth-locked')).toBeVisible();
  const body = await page.locator('body').innerText();
  for (const secret of [
    CUSTOMER.name,
    VALID.idNumber,
    VALID.mobileMasked,
    VALID.idMasked,
    '1381234',
    '八一七',
  ]) {
    expect(body).not.toContain(secret);
  }
  expect(await page.content()).not.toContain(CUSTOMER.name);
  await expect(page.getByTestId('lock-hint')).toContainText(CLERK.name);
  // The old token no longer works for anything.
  const stale = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY);
  expect(stale).toBeNull();

  // Unlock with the PIN: back to work.
  await page.getByTestId('sign-in-secret').fill(CLERK.secret);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('staff-name')).toContainText(CLERK.name);
  await expect(page.getByTestId('detail-field-idNumber')).toHaveText(VALID.idMasked);
});

test('recovery code, own password, disable and role change', async ({ page }) => {
  test.setTimeout(240_000); // a dozen OWASP-cost scrypts on a shared 2-core machine
  await page.goto('/');
  const firstCode = await firstRun(page);

  // A clerk, then the supervisor disables them: sign-in is refused like a wrong PIN.
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('account-add').click();
  await page.getByTestId('account-staff-no').fill(CLERK.staffNo);
  await page.getByTestId('account-name').fill(CLERK.name);
  await page.getByTestId('account-role-counter').click();
  await page.getByTestId('account-secret').fill(CLERK.secret);
  await page.getByTestId('account-create').click();
  await page.getByTestId(`account-disable-${CLERK.staffNo}`).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId(`account-status-${CLERK.staffNo}`)).toContainText('已停用');
  // Nor can the only supervisor give up the role.
  await page.getByTestId(`account-role-select-${SUP.staffNo}`).click();
  await page.getByTestId(`account-role-option-${SUP.staffNo}-counter`).click();
  await expect(page.getByTestId('account-error')).toContainText('最后一名可用的主管');
  // The clerk becomes a guide (and stays disabled).
  await page.getByTestId(`account-role-select-${CLERK.staffNo}`).click();
  await page.getByTestId(`account-role-option-${CLERK.staffNo}-guide`).click();
  await expect(page.getByTestId('account-notice')).toContainText('引导员');
  await fromUserMenu(page, 'sign-out');
  await signIn(page, CLERK.staffNo.toLowerCase(), CLERK.secret);
  await expect(page.getByTestId('sign-in-error')).toContainText('工号或密码错误', SCRYPT_ANSWER);

  // The supervisor forgets the password and locks themself out, then recovers with the code.
  for (let i = 1; i <= 5; i++) await signIn(page, SUP.staffNo, `Wrong-guess-${i}`);
  await expect(page.getByTestId('sign-in-error')).toContainText('工号或密码错误', SCRYPT_ANSWER);
  await page.getByTestId('forgot-secret').click();
  await page.getByTestId('recover-staff-no').fill(SUP.staffNo.toLowerCase());
  await page.getByTestId('recover-code').fill(firstCode.toLowerCase());
  await page.getByTestId('recover-secret').fill('Recovered-2026');
  await page.getByTestId('recover-secret-again').fill('Recovered-2026');
  await page.getByTestId('recover-submit').click();
  await expect(page.getByTestId('recovery-code-notice')).toBeVisible({ timeout: 30_000 });
  const secondCode = (await page.getByTestId('recovery-code').innerText()).trim();
  expect(secondCode).not.toBe(firstCode);
  await page.getByTestId('recovery-code-noted').click();
  await page.getByTestId('recovery-code-continue').click();
  await expect(page.getByTestId('staff-name')).toContainText(SUP.name);

  // Own password under the badge: a wrong current one is refused by field, then it changes.
  await fromUserMenu(page, 'change-secret');
  await page.getByTestId('change-secret-current').fill('not-the-password');
  await page.getByTestId('change-secret-next').fill('Changed-2026!');
  await page.getByTestId('change-secret-again').fill('Changed-2026!');
  await page.getByTestId('change-secret-submit').click();
  await expect(page.getByTestId('change-secret-error')).toContainText('当前密码不正确');
  await page.getByTestId('change-secret-current').fill('Recovered-2026');
  await page.getByTestId('change-secret-submit').click();
  await expect(page.getByTestId('change-secret-form')).toBeHidden();
  await fromUserMenu(page, 'sign-out');

  // The used recovery code is spent; the new password signs in.
  await page.getByTestId('forgot-secret').click();
  await page.getByTestId('recover-staff-no').fill(SUP.staffNo);
  await page.getByTestId('recover-code').fill(firstCode);
  await page.getByTestId('recover-secret').fill('Another-2026');
  await page.getByTestId('recover-secret-again').fill('Another-2026');
  await page.getByTestId('recover-submit').click();
  await expect(page.getByTestId('recover-error')).toContainText('恢复码错误');
  await page.getByTestId('recover-back').click();
  await signIn(page, SUP.staffNo, 'Changed-2026!');
  await expect(page.getByTestId('staff-name')).toContainText(SUP.name);
});

test('a staff station answers nothing but sign-in before anyone signs in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('auth-setup')).toBeVisible();
  expect((await page.request.post('/api/applications.list', { data: {} })).status()).toBe(401);
  expect((await page.request.post('/api/system.info', { data: {} })).status()).toBe(200);
});

test.describe('kiosk station', () => {
  test.use({ station: 'kiosk' });

  test('needs no sign-in but may not reach staff actions', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('auth-setup')).toHaveCount(0);
    await expect(page.getByTestId('auth-signedOut')).toHaveCount(0);
    const list = await page.request.post('/api/applications.list', { data: {} });
    expect(list.status()).toBe(403);
    const setup = await page.request.post('/api/auth.setup', {
      data: { staffNo: 'X1', name: 'x', secret: 'Kiosk-try-2026' },
    });
    expect(setup.status()).toBe(403);
    expect((await page.request.post('/api/catalogue.get', { data: {} })).status()).toBe(200);
  });
});
