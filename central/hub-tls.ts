import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/**
 * Which parts one process serves: the hall hub (ticket queue, board, kiosk drafts, guide
 * records), the central system (sync protocol and ledger), or both (`all`: `npm start` and
 * development, one local process playing both parts).
 */
export const CENTRAL_MODES = ['hub', 'central', 'all'] as const;
export type CentralMode = (typeof CENTRAL_MODES)[number];

export const servesHub = (mode: CentralMode): boolean => mode !== 'central';
export const servesCentral = (mode: CentralMode): boolean => mode !== 'hub';

/** The hub's certificate and private key, PEM text. */
export interface HubTls {
  cert: string;
  key: string;
}

/** A configuration the hub refuses to start with; the message is for the hall's IT staff. */
export class HubConfigError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'HubConfigError';
  }
}

/** Reads the certificate and key files and checks that they are PEM and belong together. */
export function loadHubTls(certFile: string, keyFile: string): HubTls {
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new HubConfigError(
        `无法读取${what}文件 ${file}`,
        `Cannot read the ${what} file ${file}`,
      );
    }
  };
  const tls = { cert: read(certFile, '证书 certificate'), key: read(keyFile, '私钥 key') };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(tls.cert);
  } catch {
    throw new HubConfigError(
      `证书文件不是 PEM 证书：${certFile}`,
      `Not a PEM certificate: ${certFile}`,
    );
  }
  let matches: boolean;
  try {
    matches = cert.checkPrivateKey(createPrivateKey(tls.key));
  } catch {
    throw new HubConfigError(
      `私钥文件不是 PEM 私钥：${keyFile}`,
      `Not a PEM private key: ${keyFile}`,
    );
  }
  if (!matches) {
    throw new HubConfigError(
      '私钥与证书不匹配',
      'The private key does not belong to the certificate',
    );
  }
  return tls;
}

/** SHA-256 of the DER certificate as `AB:CD:…` (what stations pin, what openssl prints). */
export const certFingerprint = (certPem: string): string =>
  new X509Certificate(certPem).fingerprint256;

/** 127.0.0.0/8, ::1 and localhost: the only addresses plain HTTP may bind to. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * The hub carries the hall's queue (ticket numbers, kiosk drafts with personal data): on the
 * LAN it speaks HTTPS only. Plain HTTP is for loopback (one PC, development, tests).
 */
export function checkBindAddress(opts: { host: string; mode: CentralMode; tls: boolean }): void {
  if (opts.tls || !servesHub(opts.mode) || isLoopbackHost(opts.host)) return;
  throw new HubConfigError(
    `叫号服务器不能在 ${opts.host} 上使用明文 HTTP：请配置证书和私钥（--tls-cert、--tls-key），或只绑定 127.0.0.1`,
    `The hall hub will not serve plain HTTP on ${opts.host}: give a certificate and key (--tls-cert, --tls-key) or bind 127.0.0.1 only`,
  );
}
