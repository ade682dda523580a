// Whether `npm start` may skip the build: a SHA-256 over the build's inputs (paths and contents,
// tests excluded), written to out/.build-stamp after a successful build and compared on the next
// start. Contents, not mtimes, so a checkout or a touch without a change does not force a build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const BUILD_INPUTS = [
  'electron',
  'shared',
  'renderer',
  'central',
  'scripts',
  'package.json',
  'package-lock.json',
  'electron.vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/webhost/main.js',
  'out/central/main.js',
  'out/tools/seed-demo.js',
  'out/tools/fake-id-reader.js',
];

export const STAMP_FILE = 'out/.build-stamp';

const isTest = (path) => /\.(test|spec)\.[cm]?[jt]s$/.test(path);

function collect(root, path, files) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) collect(root, join(path, name), files);
  } else if (!isTest(path)) {
    files.push(path);
  }
}

/** The fingerprint of every build input under `root`. */
export function sourceFingerprint(root, inputs = BUILD_INPUTS) {
  const files = [];
  for (const input of inputs) collect(root, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, join(root, file)).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when every output exists and the stamp matches the inputs as they are now. */
export function buildIsFresh(root, fingerprint = sourceFingerprint(root)) {
  if (!BUILD_OUTPUTS.every((f) => existsSync(join(root, f)))) return false;
  const stamp = join(root, STAMP_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === fingerprint;
}

export function writeStamp(root, fingerprint) {
  writeFileSync(join(root, STAMP_FILE), fingerprint + '\n');
}
