import { afterAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, TOO_DEEP_TEXT } from '../server-common/http/json-depth';
import { createCentralCore } from './server';

const core = createCentralCore({ dbFile: ':memory:', allowDevelopmentSecret: true });
afterAll(() => core.db.close());

const nested = (levels: number): string =>
  '{"installationId":' + '['.repeat(levels) + ']'.repeat(levels) + '}';

async function post(path: string, body: string, auth?: string) {
  const res = await core.fetch(`http://central.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { code: string; messageEn: string } };
}

describe('central: body limits', () => {
  it('refuses JSON nested deeper than the limit with 400 naming it, on every endpoint', async () => {
    for (const path of [
      '/v1/devices/register',
      '/v1/ops',
      '/v1/queue/issue',
      '/admin/enrolments',
    ]) {
      for (const levels of [MAX_JSON_DEPTH + 1, 100_000]) {
        const res = await post(path, nested(levels), 'Bearer forged');
        expect(res.status, `${path} ${levels}`).toBe(400);
        expect(res.body.messageEn).toBe(TOO_DEEP_TEXT.en);
      }
    }
  });

  it('reads a body at the limit as usual (the route decides), and a normal one still works', async () => {
    const atLimit = await post('/v1/devices/register', nested(MAX_JSON_DEPTH - 1));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.messageEn).not.toBe(TOO_DEEP_TEXT.en);
    const health = await core.fetch('http://central.test/v1/health');
    expect(health.status).toBe(200);
  });

  it('refuses a body over 8 MB with 413', async () => {
    const big = JSON.stringify({ installationId: 'x'.repeat(8 * 1024 * 1024) });
    const res = await post('/v1/devices/register', big);
    expect(res.status).toBe(413);
  });
});
