import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from './server';
import { TOO_DEEP_TEXT } from '../server-common/http/json-depth';
import { statusOverSocket } from '../tests/support/raw-status';

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

/** Posts a request head (and, chunked, a body until central answers); resolves the status. */
function rawPost(head: string, chunked = false): Promise<number> {
  const { port, host } = new URL(central.url);
  return statusOverSocket({
    port: Number(port),
    head: `POST /v1/devices/register HTTP/1.1\r\nHost: ${host}\r\n${head}`,
    ...(chunked
      ? { body: '1\r\n[\r\n', chunks: { text: ' '.repeat(64 * 1024), upTo: LIMIT * 2 } }
      : {}),
  });
}

const JSON_HEAD = 'Content-Type: application/json\r\n';

describe('central: the body limit over a socket', () => {
  it('refuses a declared length over the limit with 413 before any body arrives', async () => {
    const status = await rawPost(`${JSON_HEAD}Content-Length: ${LIMIT + 1}\r\n`);
    expect(status).toBe(413);
  });

  it('refuses a chunked body over the limit with 413 while it streams', async () => {
    const status = await rawPost(`${JSON_HEAD}Transfer-Encoding: chunked\r\n`, true);
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
