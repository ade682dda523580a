import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from './server';
import { TOO_DEEP_TEXT } from '../server-common/http/json-depth';

/**
 * The body limit over a real socket (limitBody in http.ts): a declared length is judged from
 * its header and the body is then read straight from the socket; a chunked body is counted as
 * it arrives. json-depth.test.ts covers the same limits through app.fetch, without a socket.
 */
const LIMIT = 8 * 1024 * 1024;
let central: CentralHandle;
beforeAll(async () => {
  central = await startCentral({ dbFile: ':memory:', allowDevelopmentSecret: true });
});
afterAll(() => central.close());

/** Sends a request head (and `body`, or chunks until the server answers); resolves the status. */
function rawPost(head: string, body: { text?: string; chunked?: boolean }): Promise<number> {
  const { port, host } = new URL(central.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (m) {
        resolve(Number(m[1]));
        socket.destroy();
      }
    });
    socket.on('error', () => undefined); // EPIPE / ECONNRESET after the answer: expected
    socket.on('close', () => reject(new Error('closed without a status line')));
    socket.write(`POST /v1/devices/register HTTP/1.1\r\nHost: ${host}\r\n${head}\r\n`);
    if (body.text !== undefined) socket.write(body.text);
    if (!body.chunked) return;
    const chunk = ' '.repeat(64 * 1024);
    const frame = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    let sent = 0;
    const pump = () => {
      while (sent <= LIMIT * 2 && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
    };
    socket.write(`1\r\n[\r\n`);
    pump();
  });
}

const JSON_HEAD = 'Content-Type: application/json\r\n';

describe('central: the body limit over a socket', () => {
  it('refuses a declared length over the limit with 413 before any body arrives', async () => {
    const status = await rawPost(`${JSON_HEAD}Content-Length: ${LIMIT + 1}\r\n`, {});
    expect(status).toBe(413);
  });

  it('refuses a chunked body over the limit with 413 while it streams', async () => {
    const status = await rawPost(`${JSON_HEAD}Transfer-Encoding: chunked\r\n`, { chunked: true });
    expect(status).toBe(413);
  });

  it('reads a declared body from the socket: too deep is 400, a plain bad request is 400 too', async () => {
    const deep = '{"installationId":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const res = await fetch(`${central.url}/v1/devices/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { messageEn: string }).messageEn).toBe(TOO_DEEP_TEXT.en);
    const plain = await fetch(`${central.url}/v1/devices/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { messageEn: string }).messageEn).not.toBe(TOO_DEEP_TEXT.en);
  });
});
