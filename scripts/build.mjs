#!/usr/bin/env node
// `npm run build`: electron-vite (Electron main, preload, renderer), then the plain-Node entries
// (web host, central, demo seeding), then the stamp that lets `npm start` skip an unneeded build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sourceFingerprint, writeStamp } from './build-stamp.mjs';
import { buildNodeEntries } from './build-node.mjs';

const root = process.cwd();
const fingerprint = sourceFingerprint(root);
const vite = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
await buildNodeEntries();
writeStamp(root, fingerprint);
