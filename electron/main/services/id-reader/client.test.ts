import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../../../shared/api/errors';
import { readIdCard } from './client';
import { FAKE_CARD, startFakeIdReader, type FakeIdReader } from './fake-reader';

let reader: FakeIdReader;
beforeAll(async () => {
  reader = await startFakeIdReader({ slowMs: 2000 });
});
afterAll(() => reader.close());

/** The error a read ends with (its code and both messages), or 'ok'. */
async function failureOf(baseUrl: string | undefined, timeoutMs = 500) {
  try {
    await readIdCard({ baseUrl, timeoutMs });
    return 'ok';
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return err.body;
  }
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('ID card reader client against the fake reader', () => {
  it('reads a card: name, ID number, address, sex and birth date', async () => {
    reader.setMode('card');
    const card = await readIdCard({ baseUrl: reader.url });
    expect(card).toEqual({
      name: FAKE_CARD.name,
      idNumber: FAKE_CARD.idNumber,
      address: FAKE_CARD.address,
      sex: 'female',
      birth: '1949-12-31',
    });
  });

  it.each([
    ['noCard', 'NOT_FOUND', /未读到身份证/, /No ID card found/],
    ['noDevice', 'UNAVAILABLE', /阅读器未连接/, /not connected/],
    ['garbage', 'UNAVAILABLE', /无法识别/, /cannot be understood/],
    ['badId', 'UNAVAILABLE', /无法识别/, /cannot be understood/],
  ] as const)('%s: a clear error in zh-CN and en', async (mode, code, zh, en) => {
    reader.setMode(mode);
    const body = await failureOf(reader.url);
    expect(body).toMatchObject({ code });
    if (body === 'ok') return;
    expect(body.message).toMatch(zh);
    expect(body.messageEn).toMatch(en);
    // Never the card's data in an error (they reach logs and screens).
    expect(JSON.stringify(body)).not.toMatch(/11010519491231|林小梅|建国路/);
  });

  it('times out on a reader that does not answer, within the timeout it was given', async () => {
    reader.setMode('slow');
    const started = Date.now();
    const body = await failureOf(reader.url, 300);
    const waitedMs = Date.now() - started;
    expect(body).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/没有及时响应/),
    });
    expect(waitedMs).toBeLessThan(1500);
    console.log(`id-reader timeout: gave up after ${waitedMs} ms (timeout 300 ms)`);
  });

  it('reader service absent: says it cannot reach it', async () => {
    const body = await failureOf(`http://127.0.0.1:${await closedPort()}`);
    expect(body).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/无法连接/) });
  });

  it('no reader configured: says so and points to manual entry', async () => {
    const body = await failureOf(undefined);
    expect(body).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/未配置身份证阅读器.*手工录入/),
      messageEn: expect.stringMatching(/No ID card reader.*type the details in/),
    });
  });

  it('refuses an address off this machine without sending anything', async () => {
    reader.setMode('card');
    const before = reader.reads();
    for (const url of ['http://10.0.0.5:19196', 'https://127.0.0.1:19196', 'http://evil.example']) {
      expect(await failureOf(url)).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/必须是本机地址/),
      });
    }
    expect(reader.reads()).toBe(before);
  });
});
