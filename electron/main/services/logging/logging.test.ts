import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHallLogger } from './logger';
import { redactText } from './redact';

// Canary personal data: none of these may reach a log file.
const ID = '11010519491231002X';
const MOBILE = '13812345678';
const CREDIT = '91350100M000100Y43';
const ADDRESS = '福建省福州市鼓楼区五四路158号3栋502室';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hall-logs-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('redactText', () => {
  it('masks ID numbers, mobiles, credit codes and street addresses', () => {
    const out = redactText(`id ${ID} tel +86 ${MOBILE} org ${CREDIT} at ${ADDRESS}`);
    for (const canary of [ID, MOBILE, CREDIT, '五四路', '158号', '502室']) {
      expect(out).not.toContain(canary);
    }
    expect(out).toContain('110***********002X');
    expect(out).toContain('138****5678');
    expect(out).toContain('福建省福州市鼓楼区****');
  });

  it('masks passports, home-return and Taiwan permits and the old permanent residence ID', () => {
    const canaries = ['E12345678', 'EA1234567', 'H1234567890', 'M12345678', 'ABC123456789012'];
    const out = redactText(`certificates ${canaries.join(', ')} end`);
    for (const canary of canaries) expect(out).not.toContain(canary);
    expect(out).toContain('E*****678');
    expect(out).toMatch(/^certificates .* end$/);
  });

  it('leaves ids, hashes, counts and English codes alone', () => {
    const text =
      'op 0b5f6c1e-9f7a-4d1b-8a51-2f0c7d1e9a33 sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 rows=12 ms=1500 code=HASH_MISMATCH';
    expect(redactText(text)).toBe(text);
  });
});

describe('createHallLogger', () => {
  it('writes one JSON object per event with the masked fields', () => {
    const dir = tempDir();
    const logger = createHallLogger({ dir, echo: false });
    logger.event('backup.done', { file: 'hall.db', ms: 12, ok: true });
    logger.event('api.failed', { method: 'applications.submit', error: `bad ${ID}` }, 'error');
    logger.line(`sync: rejected ${MOBILE}`);
    logger.close();
    const lines = readFileSync(join(dir, 'hall.log'), 'utf8').trim().split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.event)).toEqual(['backup.done', 'api.failed', 'service.line']);
    expect(parsed[0]).toMatchObject({ level: 'info', file: 'hall.db', ms: 12, ok: true });
    expect(parsed[1]).toMatchObject({ level: 'error', error: 'bad 110***********002X' });
    const text = lines.join('\n');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(MOBILE);
  });

  it('with deferWriter, keeps info events in order with their own time until a warning, warm() or close()', () => {
    const dir = tempDir();
    let clock = Date.parse('2026-12-01T01:00:00Z');
    const logger = createHallLogger({
      dir,
      echo: false,
      deferWriter: true,
      now: () => new Date(clock),
    });
    const read = () =>
      readFileSync(join(dir, 'hall.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    logger.event('webhost.started', { port: 5174 });
    clock += 1_000;
    logger.line(`sync: rejected ${MOBILE}`);
    expect(read()).toEqual([]);
    clock += 1_000;
    logger.event('backup.failed', { error: 'disk full' }, 'warn');
    const first = read();
    expect(first.map((p) => [p.event, p.level, p.time])).toEqual([
      ['webhost.started', 'info', '2026-12-01T01:00:00.000Z'],
      ['service.line', 'info', '2026-12-01T01:00:01.000Z'],
      ['backup.failed', 'warn', '2026-12-01T01:00:02.000Z'],
    ]);
    expect(JSON.stringify(first)).not.toContain(MOBILE);

    const other = tempDir();
    const later = createHallLogger({ dir: other, echo: false, deferWriter: true });
    later.event('webhost.started');
    expect(readFileSync(join(other, 'hall.log'), 'utf8')).toBe('');
    later.warm();
    later.event('webhost.stopped');
    later.close();
    const events = readFileSync(join(other, 'hall.log'), 'utf8').trim().split('\n');
    expect(events.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual([
      'webhost.started',
      'webhost.stopped',
    ]);
    logger.close();
  });

  it('rotates at the configured size and keeps only maxFiles rotated files', () => {
    const dir = tempDir();
    const maxBytes = 2000;
    const logger = createHallLogger({ dir, echo: false, maxBytes, maxFiles: 3 });
    for (let i = 0; i < 200; i += 1) logger.event('queue.called', { ticket: `A${i}`, waitMs: i });
    logger.close();
    const files = readdirSync(dir).sort();
    expect(files).toContain('hall.log');
    const rotated = files.filter((f) => f !== 'hall.log');
    expect(rotated).toHaveLength(3);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(maxBytes);
    // The newest lines are in hall.log, the ones just before in the highest-numbered file.
    expect(readFileSync(join(dir, 'hall.log'), 'utf8')).toContain('"ticket":"A199"');
    console.log(`log_rotation max_bytes=${maxBytes} rotated_files_kept=${rotated.length} ok`);
  });

  it('starts a new file on a new hall day', () => {
    const dir = tempDir();
    let at = new Date('2026-11-30T15:00:00Z'); // 23:00 hall time
    const logger = createHallLogger({ dir, echo: false, now: () => at });
    logger.event('app.start');
    at = new Date('2026-11-30T16:30:00Z'); // 00:30 the next hall day
    logger.event('app.tick');
    logger.close();
    expect(readdirSync(dir).sort()).toEqual(['hall.2026-11-30.1.log', 'hall.log']);
    expect(readFileSync(join(dir, 'hall.log'), 'utf8')).toContain('app.tick');
  });
});
