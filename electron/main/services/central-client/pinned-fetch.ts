import { Agent, request } from 'node:https';
import { Readable } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import type { FetchLike } from './http';
import { createNodeTransport, type Transport } from './node-transport';

/** The hub showed a certificate other than the pinned one: nothing was sent to it. */
export class PinMismatchError extends Error {
  readonly code = 'CERT_PIN_MISMATCH';
  constructor() {
    super('the server certificate does not match the pinned fingerprint');
    this.name = 'PinMismatchError';
  }
}

/**
 * `AB:CD:…` (64 hex digits, upper case) from what openssl or the hub prints: colons, spaces and
 * case do not matter. Throws with a message in both languages when it is not a SHA-256.
 */
export function normalizeFingerprint(text: string): string {
  const hex = text.replace(/^sha256\s*fingerprint\s*=\s*/i, '').replace(/[\s:]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new Error(
      '叫号服务器证书指纹应为 64 位十六进制的 SHA-256 / The hub certificate fingerprint must be a SHA-256 of 64 hex digits',
    );
  }
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/**
 * A keep-alive agent for one HTTPS server whose certificate is pinned by its SHA-256
 * fingerprint (a hall hub with a self-signed certificate: no CA vouches for it, the station
 * config does). The TLS handshake finishes and the fingerprint is compared before the socket is
 * handed to the request, so a wrong server never sees a byte of it (no token, no body). Host
 * names are not checked: the pin names the one certificate, whatever address the hub has on the
 * LAN.
 */
function createPinnedAgent(fingerprint: string): Agent {
  const expected = normalizeFingerprint(fingerprint);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  agent.createConnection = (options, callback) => {
    const socket = connect({ ...(options as ConnectionOptions), rejectUnauthorized: false });
    const onError = (err: Error) => callback?.(err, socket);
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      socket.off('error', onError);
      if (socket.getPeerCertificate().fingerprint256 !== expected) {
        socket.destroy();
        callback?.(new PinMismatchError(), socket);
        return;
      }
      callback?.(null, socket);
    });
    return undefined;
  };
  return agent;
}

/**
 * The central client's transport to a pinned hub (see createPinnedAgent). A plain http URL is
 * refused: it would go out without the pin.
 */
export function createPinnedTransport(fingerprint: string): Transport {
  const send = createNodeTransport({ httpsAgent: createPinnedAgent(fingerprint) });
  return (url, req) =>
    url.startsWith('https:')
      ? send(url, req)
      : Promise.reject(new TypeError('a pinned connection needs an https URL'));
}

/** A fetch over a pinned connection (see createPinnedAgent), for checks outside the client. */
export function createPinnedFetch(fingerprint: string): FetchLike {
  const agent = createPinnedAgent(fingerprint);
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      if (url.protocol !== 'https:') {
        reject(new TypeError('a pinned connection needs an https URL'));
        return;
      }
      const req = request(
        url,
        {
          method: init.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init.headers)),
          agent,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res) => {
          const headers = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
          const status = res.statusCode ?? 502;
          const empty = status === 204 || status === 304 || init.method === 'HEAD';
          // The body streams, so a connection cut mid-answer fails the read, not the request.
          const body = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
          resolve(new Response(body, { status, headers }));
        },
      );
      req.once('error', reject);
      if (typeof init.body === 'string') req.end(init.body);
      else req.end();
    });
}
