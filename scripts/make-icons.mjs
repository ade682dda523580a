#!/usr/bin/env node
// Every installer icon from one source image, build/icon.svg: PNGs rendered by Chromium (Debian's,
// the same one the end-to-end tests use) at each size, then the Windows .ico and the macOS .icns
// assembled from those PNGs (both formats hold PNG data as is). The outputs are committed; run
// this again after changing the SVG:  node scripts/make-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SOURCE = 'build/icon.svg';
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types that carry PNG data, by pixel size.
const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

/** ICO: a 6-byte header, one 16-byte entry per image, then the PNG files themselves. */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS: 'icns' + total length, then one (type, length, PNG) element per size. */
export function icnsFromPngs(images) {
  const elements = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

async function render() {
  const svg = readFileSync(SOURCE, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        svg.replace('<svg ', `<svg width="${size}" height="${size}" `) +
        `</body></html>`,
    );
    pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
  }
  await browser.close();
  return pngs;
}

if (process.argv[1]?.endsWith('make-icons.mjs')) {
  const pngs = await render();
  mkdirSync('build/icons', { recursive: true });
  for (const [size, png] of pngs) writeFileSync(`build/icons/${size}x${size}.png`, png);
  writeFileSync('build/icon.png', pngs.get(1024));
  writeFileSync(
    'build/icon.ico',
    icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))),
  );
  writeFileSync(
    'build/icon.icns',
    icnsFromPngs(
      Object.entries(ICNS_TYPES).map(([size, type]) => ({ type, png: pngs.get(Number(size)) })),
    ),
  );
  console.log(
    `icons written: ${PNG_SIZES.length} PNG sizes, icon.ico (${ICO_SIZES.length} sizes), icon.icns`,
  );
}
