import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page, TestInfo } from '@playwright/test';
import QRCode from 'qrcode';
import { hallDate } from '../shared/hall-time';
import type { QueueConfig } from '../shared/queue/schemas';
import { expect, test } from './fixtures';
import { startProcess, type HostProcess } from './host-process';

/**
 * The kiosk's printed ticket slip and its portrait layout, on a kiosk station of a hall whose
 * queue settings (roll width, queue query address) the supervisor saved on a staff station.
 * Every test name says "kiosk".
 */
test.use({ withCentral: true, screenshot: 'only-on-failure' });

const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const TEMPLATE = 'https://95598.example.cn/queue?hall=HALL01&day={day}&no={ticket}';
const MM_PX = 96 / 25.4;
const MM_PT = 72 / 25.4;

async function startKiosk(centralUrl: string): Promise<HostProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-kiosk-'));
  return startProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--db', join(dir, 'kiosk.db'), '--role', 'kiosk', '--station', 'K01'],
    HOST_URL,
    { CENTRAL_URL: centralUrl, HALL_SYNC_FAST: '1', HALL_DEMO: '1' },
  );
}

async function api<T>(request: APIRequestContext, method: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/${method}`, { data });
  const reply = (await res.json()) as { ok: boolean; value: T; error?: { code: string } };
  expect(reply.ok, `${method}: ${reply.error?.code ?? ''}`).toBe(true);
  return reply.value;
}

/** The supervisor sets the hall's slip: the roll width and the queue query address. */
async function setSlip(request: APIRequestContext, paperMm: 58 | 80): Promise<void> {
  const { config } = await api<{ config: QueueConfig }>(request, 'queue.config', {});
  const saved = await api<QueueConfig>(request, 'queue.saveConfig', {
    config: { ...config, slip: { paperMm, queueQueryUrl: TEMPLATE } },
  });
  expect(saved.slip?.paperMm).toBe(paperMm);
}

const snap = async (page: Page, testInfo: TestInfo, name: string) =>
  testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });

const printed = (kiosk: Page) =>
  kiosk.evaluate(() => (window as unknown as { __printed: number }).__printed);

/** A portrait kiosk page whose print is counted instead of opening a dialog. */
async function openKiosk(context: BrowserContext, url: string): Promise<Page> {
  const kiosk = await context.newPage();
  await kiosk.addInitScript(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed++;
    };
  });
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.goto(`${url}/#/kiosk`);
  return kiosk;
}

/** Takes a ticket at the kiosk and checks its slip: layout width, page size, content, QR. */
async function takeAndCheckSlip(kiosk: Page, paperMm: 58 | 80, testInfo: TestInfo) {
  await kiosk.getByTestId('kiosk-menu-ticket').click();
  await kiosk.locator('[data-testid^="kiosk-service-"]').first().click();
  const number = (await kiosk.getByTestId('kiosk-ticket-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^[A-Z]\d{3}$/);
  // Printed at once, through the page's print (silent on a kiosk's receipt printer).
  await expect.poll(() => printed(kiosk)).toBe(1);

  // The QR holds the hall's address with this ticket's number and day: the same picture the
  // encoder draws for exactly that text (any other text draws other modules).
  const expected = TEMPLATE.replace('{day}', hallDate(Date.now())).replace('{ticket}', number);
  const qr = kiosk.getByTestId('slip-qr');
  await expect(qr).toHaveAttribute('data-qr-text', expected);
  const src = (await qr.getAttribute('src')) ?? '';
  const svg = await QRCode.toString(expected, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
  expect(decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(svg);
  await expect(kiosk.getByTestId('kiosk-ticket-qr')).toHaveAttribute('src', src);

  // On paper: the slip alone, as wide as the roll, on a page the size of the roll.
  await kiosk.emulateMedia({ media: 'print' });
  const slip = kiosk.getByTestId('kiosk-slip');
  await expect(slip).toBeVisible();
  await expect(slip).toHaveAttribute('data-paper', String(paperMm));
  await expect(kiosk.getByTestId('kiosk-ticket')).toBeHidden();
  const box = await slip.boundingBox();
  const widthMm = (box?.width ?? 0) / MM_PX;
  console.log(`kiosk slip ${paperMm} mm: slip element width ${widthMm.toFixed(1)} mm`);
  expect(Math.abs(widthMm - paperMm)).toBeLessThan(1);
  await expect(kiosk.getByTestId('slip-number')).toHaveText(number);
  await expect(kiosk.getByTestId('slip-service')).not.toBeEmpty();
  await expect(kiosk.getByTestId('slip-ahead')).toHaveText(/^\d+ 人$/);
  await expect(kiosk.getByTestId('slip-time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(kiosk.getByTestId('slip-hall')).not.toBeEmpty();
  // The QR fits inside the roll's printable width.
  const qrBox = await qr.boundingBox();
  expect((qrBox?.x ?? 0) + (qrBox?.width ?? 0)).toBeLessThanOrEqual(
    (box?.x ?? 0) + (box?.width ?? 0),
  );
  await testInfo.attach(`kiosk-slip-${paperMm}mm.png`, {
    body: await slip.screenshot(),
    contentType: 'image/png',
  });
  const pdf = (await kiosk.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
    'latin1',
  );
  const media = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  const pageMm = Number(media?.[1] ?? 0) / MM_PT;
  console.log(`kiosk slip ${paperMm} mm: printed page width ${pageMm.toFixed(1)} mm`);
  expect(Math.abs(pageMm - paperMm)).toBeLessThan(0.5);
  await kiosk.emulateMedia({ media: 'screen' });
}

test('kiosk ticket slip prints on a 58 mm and an 80 mm roll with a QR of the queue query address', async ({
  page,
  context,
  central,
}, testInfo) => {
  // Central, two stations, two printed pages on a shared 2-core machine: give it time.
  test.setTimeout(240_000);
  await central.start();
  await setSlip(page.request, 58);
  const kioskHost = await startKiosk(central.url);
  try {
    const kiosk = await openKiosk(context, kioskHost.url);
    await takeAndCheckSlip(kiosk, 58, testInfo);
    await snap(kiosk, testInfo, 'kiosk-ticket-portrait-1080x1920.png');
    // Reprint: one more copy on request, no more on its own.
    await kiosk.getByTestId('kiosk-reprint').click();
    await expect.poll(() => printed(kiosk)).toBe(2);
    await kiosk.close();

    // The hall changes to 80 mm rolls: the next ticket's slip follows.
    await setSlip(page.request, 80);
    await takeAndCheckSlip(await openKiosk(context, kioskHost.url), 80, testInfo);
  } finally {
    await kioskHost.stop();
  }
});

test('kiosk portrait layout fills 1080×1920 and 768×1366 with large touch targets', async ({
  context,
  central,
}, testInfo) => {
  test.setTimeout(180_000);
  await central.start();
  const kioskHost = await startKiosk(central.url);
  try {
    const kiosk = await context.newPage();
    for (const size of [
      { width: 1080, height: 1920 },
      { width: 768, height: 1366 },
    ]) {
      const at = `${size.width}x${size.height}`;
      await kiosk.setViewportSize(size);
      for (const screen of ['', '/ticket']) {
        await kiosk.goto(`${kioskHost.url}/#/kiosk${screen}`);
        const buttons = screen
          ? kiosk.locator('[data-testid^="kiosk-service-"]')
          : kiosk.locator('[data-testid^="kiosk-menu-"]');
        await expect(buttons.first()).toBeVisible();
        const boxes = await buttons.evaluateAll((els) =>
          els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect),
        );
        const lowest = Math.max(...boxes.map((b) => b.bottom));
        const smallest = Math.min(...boxes.map((b) => b.height));
        const narrowest = Math.min(...boxes.map((b) => b.width));
        const empty = size.height - lowest;
        console.log(
          `kiosk portrait ${at} ${screen || '/'}: ${boxes.length} buttons, smallest ${Math.round(smallest)}×${Math.round(narrowest)} px, ${Math.round(empty)} px below the last button`,
        );
        // Large touch targets, and the buttons reach the bottom of the screen.
        expect(smallest).toBeGreaterThanOrEqual(120);
        expect(narrowest).toBeGreaterThanOrEqual(300);
        expect(empty).toBeLessThan(size.height * 0.1);
        expect(
          await kiosk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).toBe(true);
        await snap(
          kiosk,
          testInfo,
          `kiosk-portrait${screen.replace('/', '-') || '-home'}-${at}.png`,
        );
      }
    }
  } finally {
    await kioskHost.stop();
  }
});
