import { expect, test } from './fixtures';

/**
 * The hall display as its own station (`--role display`, no sign-in): bare screen, large text,
 * says when calls cannot be updated, and says when it cannot speak.
 */
test.use({ station: 'display', withCentral: true });

test('display station: only the calling screen, large, honest about the link and about speech', async ({
  page,
  central,
}) => {
  // A screen without speech synthesis still shows calls, and says it cannot speak them.
  await page.addInitScript(() => {
    delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    Object.defineProperty(window, 'speechSynthesis', { value: undefined });
  });
  await page.goto('/#/new');
  await expect(page).toHaveURL(/#\/display$/);
  await expect(page.getByTestId('nav-new')).toHaveCount(0);
  await expect(page.getByTestId('display')).toContainText('本机不支持语音播报');
  // Central not started yet: the board cannot be fetched, and the screen says so.
  await expect(page.getByTestId('display-offline')).toBeVisible();

  await central.start();
  await expect(page.getByTestId('display-offline')).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('display-none')).toBeVisible();
  await expect(page.getByTestId('display-waiting-NEW')).toHaveText('0');
  // Readable across the room: the waiting counts alone are larger than body text by far.
  const size = await page
    .getByTestId('display-waiting-NEW')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  // The display's services refuse anything but reading the board.
  const res = await page.request.post('/api/queue.issue', {
    data: { serviceCode: 'NEW', priority: 'normal' },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
});
