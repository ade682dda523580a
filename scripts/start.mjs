#!/usr/bin/env node
// One command on a fresh machine (`npm start`): install, build, start a local central system with
// demo data when no CENTRAL_URL is configured, then open the console in Electron, or, when no
// Electron binary is available, serve the same console from the web host on 127.0.0.1.
// Plain Node with no dependencies, so it runs before `npm ci` has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sh = (args, opts = {}) => spawnSync(npmCmd, args, { stdio: 'inherit', ...opts });
const children = [];

function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
}

function electronBinaryAvailable() {
  try {
    const pathFile = join('node_modules', 'electron', 'path.txt');
    if (!existsSync(pathFile)) return false;
    const exe = readFileSync(pathFile, 'utf8').trim();
    return existsSync(join('node_modules', 'electron', 'dist', exe));
  } catch {
    return false;
  }
}

/** Starts a long-running npm exec child and resolves with the first URL it prints. */
function startService(args, pattern, env = {}) {
  const child = spawn(npmCmd, ['exec', '--', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

if (needsInstall() && sh(['ci', '--no-audit', '--no-fund']).status !== 0) process.exit(1);
if (sh(['run', 'build']).status !== 0) process.exit(1);
mkdirSync('.data', { recursive: true });

const env = {};
if (!process.env.CENTRAL_URL && existsSync('central/main.ts')) {
  env.CENTRAL_URL = await startService(
    [
      'tsx',
      'central/main.ts',
      '--port',
      process.env.CENTRAL_PORT ?? '8787',
      '--db',
      '.data/central.db',
      '--demo',
    ],
    /(http:\/\/127\.0\.0\.1:\d+)/,
  );
  console.log(`本地中心系统 local central system: ${env.CENTRAL_URL}`);
}
if (!existsSync('.data/hall.db') && existsSync('scripts/seed-demo.ts')) {
  sh(['exec', '--', 'tsx', 'scripts/seed-demo.ts', '--db', '.data/hall.db'], {
    env: { ...process.env, ...env },
  });
}

if (electronBinaryAvailable() && !process.env.HALL_WEB) {
  const electron = spawn(npmCmd, ['exec', '--', 'electron', '.'], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  children.push(electron);
  electron.once('exit', stopAll);
} else {
  console.log(
    '未找到 Electron 程序 (no Electron binary on this machine): serving the console from the web host instead.',
  );
  const url = await startService(
    [
      'tsx',
      'electron/webhost/main.ts',
      '--port',
      process.env.PORT ?? '5174',
      '--db',
      '.data/hall.db',
    ],
    /web host: (http:\/\/127\.0\.0\.1:\d+\/)/,
    env,
  );
  console.log(`打开 Open: ${url}`);
}
