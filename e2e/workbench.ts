import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Driving the counter workbench the way a clerk does: by the data-testids the views expose. */

export const VALID = {
  idNumber: '11010519491231002X',
  idMasked: '110***********002X',
  creditCode: '91350100M000100Y43',
  creditMasked: '9135**********0Y43',
  mobile: '13812345678',
  mobileMasked: '138****5678',
  accountNo: '3100012345',
} as const;

export interface AddressParts {
  province: string;
  city: string;
  district: string;
  street?: string;
  detail: string;
}

export const ADDRESS: AddressParts = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '东街街道',
  detail: '八一七北路88号3幢1203室',
};

export const field = (page: Page, key: string) => page.getByTestId(`field-${key}`);

export async function fillText(page: Page, key: string, value: string): Promise<void> {
  await field(page, key).locator('input, textarea').first().fill(value);
}

/** el-input-number commits on change: fill, then leave the field. */
export async function fillNumber(page: Page, key: string, value: number): Promise<void> {
  const input = field(page, key).locator('input').first();
  await input.fill(String(value));
  await input.press('Tab');
}

export async function choose(page: Page, key: string, value: string | number): Promise<void> {
  await field(page, key).locator('.el-select__wrapper').click();
  await page.getByTestId(`option-${key}-${value}`).click();
}

/** Province, city and district chosen in the region cascader, one column after the other. */
export async function chooseRegion(page: Page, key: string, names: readonly string[]) {
  await page.getByTestId(`field-${key}-region`).click();
  const popper = page.locator('.address-region-popper:visible');
  for (const [i, name] of names.entries()) {
    const node = popper
      .locator('.el-cascader-menu')
      .nth(i)
      .locator('.el-cascader-node', { hasText: new RegExp(`^${name}$`) });
    const next = popper.locator('.el-cascader-menu').nth(i + 1);
    // A click that lands while the popper still moves into place can open nothing (seen once
    // on a loaded machine): click again until the next column shows.
    await expect(async () => {
      await node.click({ timeout: 5_000 });
      if (i < names.length - 1) await expect(next).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }
  await expect(popper).toBeHidden();
}

export async function fillAddress(page: Page, key: string, address: AddressParts = ADDRESS) {
  await chooseRegion(page, key, [address.province, address.city, address.district]);
  for (const part of ['street', 'detail'] as const) {
    const value = address[part];
    if (value !== undefined) await page.getByTestId(`field-${key}-${part}`).fill(value);
  }
}

export async function setPaper(
  page: Page,
  code: string,
  status: 'received' | 'missing_accepted' | 'missing_blocking' | 'not_needed',
): Promise<void> {
  await page.getByTestId(`paper-${code}-${status}`).click();
  await expect(page.getByTestId(`paper-${code}`)).toHaveAttribute('data-status', status);
}

/** Picks a type with the searchable picker, as a clerk who knows the name would. */
export async function searchType(page: Page, query: string, code: string): Promise<void> {
  await page.getByTestId('type-picker').click();
  await page.keyboard.type(query);
  await page.getByTestId(`type-option-${code}`).click();
}

export async function pickAccountKind(page: Page, kind: string): Promise<void> {
  await page.getByTestId(`account-kind-${kind}`).click();
}

/** Submits and waits for the receipt page; returns the application number it shows. */
export async function submitAndOpenReceipt(page: Page): Promise<string> {
  await page.getByTestId('submit').click();
  await expect(page).toHaveURL(/#\/applications\/[0-9a-f-]{36}\/receipt$/);
  const appNo = page.getByTestId('receipt-app-no');
  await expect(appNo).toHaveText(/\S+/);
  return (await appNo.textContent())!.trim();
}

/** Checks what every printed receipt must carry, then prints it (window.print is recorded). */
export async function checkAndPrintReceipt(
  page: Page,
  expected: {
    appNo: string;
    idMasked: string;
    phoneMasked: string;
    received: string[];
    missing?: string[];
  },
): Promise<void> {
  await expect(page.getByTestId('receipt-app-no')).toHaveText(expected.appNo);
  await expect(page.getByTestId('receipt-id')).toHaveText(expected.idMasked);
  await expect(page.getByTestId('receipt-phone')).toHaveText(expected.phoneMasked);
  for (const name of expected.received) {
    await expect(page.getByTestId('receipt-papers-received')).toContainText(name);
  }
  for (const name of expected.missing ?? []) {
    await expect(page.getByTestId('receipt-papers-missing')).toContainText(name);
  }
  await expect(page.getByTestId('receipt-deadline')).toHaveText(
    /\d{4}-\d{2}-\d{2}.*\d+\s*个工作日/,
  );
  const qr = page.getByTestId('receipt-qr');
  await expect(qr).toHaveAttribute('src', /^data:image\//);
  // The QR image must actually decode and paint, not just carry a src.
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);

  await page.evaluate(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed += 1;
    };
  });
  await page.getByTestId('print').click();
  expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  // Printing hides the navigation and keeps the receipt.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.shell-header')).toBeHidden();
  await expect(page.getByTestId('print')).toBeHidden();
  await expect(page.getByTestId('receipt')).toBeVisible();
  // null, not 'screen': an explicit screen emulation would also apply to page.pdf().
  await page.emulateMedia({ media: null });
}

/** Prints the page to PDF as Chromium would on paper: sheet sizes in points, one per page. */
export async function printedSheets(page: Page): Promise<string[]> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  return [...pdf.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
}

/** Change password, lock and sign-out sit in the user menu under the staff name. */
export async function fromUserMenu(
  page: Page,
  item: 'sign-out' | 'change-secret' | 'lock-now',
): Promise<void> {
  await page.getByTestId('staff-name').click();
  await page.getByTestId(item).click();
}
