import { testLog } from '../support/test-log';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../central/server';
import {
  HubConfigError,
  certFingerprint,
  checkBindAddress,
  loadHubTls,
  type HubTls,
} from '../../central/hub-tls';
import { createServices, type Services } from '../../electron/main/services/createServices';
import { checkHubEndpoint } from '../../electron/main/services/central-client/hub';
import { createPinnedFetch } from '../../electron/main/services/central-client/pinned-fetch';

/**
 * The hall hub over HTTPS with a self-signed certificate made here by the script a hall uses
 * (scripts/make-hub-cert.sh, openssl), and a station that pins its fingerprint.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ctx = { transport: 'http' as const, actor: 'clerk07' };
let dir: string;
let hubPair: HubTls & { fingerprint: string; certFile: string; keyFile: string };
let otherPair: HubTls & { fingerprint: string };
let hub: CentralHandle | undefined;
let station: Services | undefined;

function makePair(name: string) {
  const out = join(dir, name);
  const printed = execFileSync('sh', [join(ROOT, 'scripts/make-hub-cert.sh'), out, '127.0.0.1'], {
    encoding: 'utf8',
  }).trim();
  const certFile = join(out, 'hub.crt');
  const keyFile = join(out, 'hub.key');
  return {
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8'),
    fingerprint: printed,
    certFile,
    keyFile,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-hub-tls-'));
  hubPair = makePair('hub');
  otherPair = makePair('other');
});
afterEach(async () => {
  await station?.close();
  station = undefined;
  await hub?.close();
  hub = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startHub = async () =>
  (hub = await startCentral({
    dbFile: join(dir, `hub-${Date.now()}.db`),
    mode: 'hub',
    tls: loadHubTls(hubPair.certFile, hubPair.keyFile),
    allowDevelopmentSecret: true,
  }));

function openStation(hubUrl: string, hubFingerprint: string, code = 'C01'): Services {
  station = createServices({
    auth: { enforce: false },
    dbFile: join(dir, `${code}-${Date.now()}.db`),
    transport: 'http',
    stationCode: code,
    hubUrl,
    hubFingerprint,
    // The hub in these tests accepts the development secret (demo mode), as npm start's does.
    demo: true,
    validateOutput: true,
    log: testLog,
  });
  return station;
}

async function call(s: Services, method: string, input: unknown) {
  return s.dispatch(method as Parameters<Services['dispatch']>[0], input as never, ctx);
}

describe('hall hub over HTTPS with a pinned certificate', () => {
  it('the script prints the SHA-256 of the DER certificate, as the hub computes it', () => {
    expect(hubPair.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(hubPair.fingerprint).toBe(certFingerprint(hubPair.cert));
    expect(otherPair.fingerprint).not.toBe(hubPair.fingerprint);
  });

  it('a station pinning the right fingerprint issues and calls over HTTPS, with no central', async () => {
    const h = await startHub();
    expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // Pins are accepted however openssl or a person writes them (case, colons).
    const s = openStation(h.url, hubPair.fingerprint.replace(/:/g, '').toLowerCase());
    const issued = await call(s, 'queue.issue', { serviceCode: 'NEW', priority: 'normal' });
    expect(issued).toMatchObject({ ok: true, value: { number: 'A001', state: 'issued' } });
    const called = await call(s, 'queue.callNext', { services: ['NEW'] });
    expect(called).toMatchObject({
      ok: true,
      value: { ticket: { number: 'A001', state: 'called' } },
    });
    const status = await call(s, 'queue.status', {});
    expect(status).toMatchObject({ ok: true, value: { configured: true, online: true } });
    expect(h.stats().requests).toBeGreaterThanOrEqual(3); // register, issue, callNext
  });

  it('a wrong fingerprint is refused before any request reaches the hub, with a clear message', async () => {
    const h = await startHub();
    const s = openStation(h.url, otherPair.fingerprint);
    const called = await call(s, 'queue.callNext', { services: ['NEW'] });
    expect(called.ok).toBe(false);
    if (called.ok) return;
    expect(called.error.code).toBe('UNAVAILABLE');
    expect(called.error.message).toContain('证书与本台配置的指纹不符');
    expect(called.error.messageEn).toContain('does not match the fingerprint');
    // Issuing falls back to today's offline ticket, numbered by the station.
    const issued = await call(s, 'queue.issue', { serviceCode: 'NEW', priority: 'normal' });
    expect(issued).toMatchObject({ ok: true, value: { number: 'C01-A001' } });
    // Not even the registration (with its secret) was sent.
    expect(h.stats().requests).toBe(0);
  });

  it('the pinned fetch refuses a server whose certificate is not the pinned one', async () => {
    const h = await startHub();
    const wrong = createPinnedFetch(otherPair.fingerprint);
    await expect(wrong(`${h.url}/healthz`, { method: 'GET' })).rejects.toMatchObject({
      name: 'PinMismatchError',
    });
    const right = createPinnedFetch(hubPair.fingerprint);
    const res = await right(`${h.url}/healthz`, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('a hub serves only the queue; a central only the sync protocol', async () => {
    const h = await startHub();
    const pinned = createPinnedFetch(hubPair.fingerprint);
    const ops = await pinned(`${h.url}/v1/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ops.status).toBe(404);
    const central = await startCentral({ dbFile: ':memory:', mode: 'central' });
    try {
      const queue = await fetch(`${central.url}/v1/queue/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(queue.status).toBe(404);
      const changes = await fetch(`${central.url}/v1/changes?since=0`);
      expect(changes.status).toBe(401); // there, behind the device token
    } finally {
      await central.close();
    }
  });
});

describe('what the hub and the station refuse at start', () => {
  it('plain HTTP on a LAN address is refused before anything binds or opens', async () => {
    for (const host of ['192.168.1.10', '0.0.0.0', '::']) {
      await expect(
        startCentral({ dbFile: join(dir, 'never.db'), mode: 'hub', host }),
      ).rejects.toThrow(HubConfigError);
    }
    await expect(
      startCentral({ dbFile: ':memory:', mode: 'all', host: '10.0.0.5' }),
    ).rejects.toThrow(/明文 HTTP.*plain HTTP/);
    // HTTPS on a LAN address, and plain HTTP on loopback, are what is allowed.
    expect(() => checkBindAddress({ host: '192.168.1.10', mode: 'hub', tls: true })).not.toThrow();
    expect(() => checkBindAddress({ host: '127.0.0.1', mode: 'hub', tls: false })).not.toThrow();
  });

  it('the hub process says so in one line and exits 2', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'central/main.ts'),
        '--mode',
        'hub',
        '--host',
        '192.168.1.10',
        '--db',
        ':memory:',
        // Demo trust, so the refusal under test is the plain-HTTP one, not the missing admin token.
        '--demo',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--tls-cert');
  });

  it('a key that is not the certificate’s is refused', () => {
    const otherKey = join(dir, 'other', 'hub.key');
    expect(() => loadHubTls(hubPair.certFile, otherKey)).toThrow(/does not belong/);
    expect(() => loadHubTls(otherKey, otherKey)).toThrow(/Not a PEM certificate/);
  });

  it('a station refuses an HTTPS hub without a pin, plain HTTP to the LAN and a malformed pin', () => {
    expect(() => checkHubEndpoint('https://192.168.1.10:8443', undefined)).toThrow(/fingerprint/);
    expect(() => checkHubEndpoint('http://192.168.1.10:8443', undefined)).toThrow(/HTTPS/);
    expect(() => checkHubEndpoint('http://127.0.0.1:8787', hubPair.fingerprint)).toThrow(
      /only applies to an HTTPS/,
    );
    expect(() => checkHubEndpoint('https://192.168.1.10:8443', 'AB:CD')).toThrow(/64 hex digits/);
    expect(checkHubEndpoint('https://192.168.1.10:8443/', hubPair.fingerprint)).toEqual({
      url: 'https://192.168.1.10:8443',
      fingerprint: hubPair.fingerprint,
    });
  });
});
