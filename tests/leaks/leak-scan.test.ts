import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile } from '../../shared/domain/mask';
import { creditCheckChar, idCheckChar } from '../../shared/validators';
import { ALL_CANARIES, CANARY_IDS, CANARY_PHONES, CANARY_TEXTS } from '../support/canaries';
import { findLeaks, scanLogDir, summarize } from '../support/leak-scan';

const ROOT = resolve(import.meta.dirname, '../..');
// Not canaries: found by the validators alone.
const ID = '11010519491231002X';
const PHONE = '15012345678';
const CREDIT = '91350100M000100Y4' + creditCheckChar('91350100M000100Y4');

const dirs: string[] = [];
function logDir(files: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-leak-scan-'));
  dirs.push(dir);
  for (const [name, lines] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
  }
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const kinds = (line: string) => findLeaks(line, ALL_CANARIES).map((l) => l.kind);

describe('leak scan of the test logs', () => {
  it('finds canaries, ID numbers, mobile numbers and credit codes', () => {
    expect(ID.slice(0, 17) + idCheckChar(ID.slice(0, 17))).toBe(ID);
    expect(kinds(`applicant ${CANARY_TEXTS[0]} at the counter`)).toEqual(['canary']);
    expect(kinds(`id=${ID}`)).toEqual(['id-number']);
    expect(kinds(`"idNumber":"${ID.toLowerCase()}"`)).toEqual(['id-number']);
    expect(kinds(`mobile ${PHONE}.`)).toEqual(['mobile']);
    expect(kinds(`tel:+86 ${PHONE}`)).toEqual(['mobile']);
    expect(kinds(`org ${CREDIT}`)).toEqual(['credit-code']);
    // A canary is found inside other text too, and is also a valid number.
    expect(kinds(`x${CANARY_PHONES[0]}y`)).toEqual(['canary']);
    expect(kinds(`${CANARY_IDS[0]}`)).toEqual(['canary', 'id-number']);
  });

  it('leaves masked values, hashes, times and near misses alone', () => {
    const clean = [
      `id ${maskIdNumber(ID)} mobile ${maskMobile(PHONE)}`,
      createHash('sha256').update('11010519491231002X').digest('hex'),
      `at 2026-11-30T05:30:00.123+08:00 epoch=1764480600123 took 15012345ms`,
      `${ID.slice(0, 17)}${ID.endsWith('X') ? '1' : 'X'}`, // wrong check character
      `${PHONE}0 and 1${PHONE} and 12012345678`, // 12 digits, and no 12x mobiles
      'APP-C01-20261130-0001 op 01936b2e-8c1a-7def-9a10-4f2b8c3d1e5f',
    ];
    for (const line of clean) expect({ line, leaks: kinds(line) }).toEqual({ line, leaks: [] });
  });

  it('reports the file and line of a planted leak with the value masked', () => {
    const dir = logDir({
      'vitest/a.log': ['quiet', 'quiet'],
      'e2e/host.log': ['started', `saved ${PHONE} for the clerk`, 'stopped'],
    });
    const report = scanLogDir(dir, ALL_CANARIES);
    expect(report).toEqual({
      files: 2,
      lines: 5,
      leaks: [{ file: 'e2e/host.log', line: 2, kind: 'mobile', masked: maskMobile(PHONE) }],
    });
  });

  it('the closing step fails on a planted line and never prints the value', () => {
    const planted = logDir({ 'vitest/x.log': ['ok', `oops ${CANARY_IDS[1]} ${CREDIT}`] });
    const run = (dir: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan-test-logs.ts', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const bad = run(planted);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('leak: vitest/x.log:2 canary');
    expect(bad.stdout).toContain('leak: vitest/x.log:2 credit-code');
    expect(bad.stdout).toMatch(/^leaks=3 lines=2 files=1$/m);
    expect(bad.stdout).not.toContain(CANARY_IDS[1]);
    expect(bad.stdout).not.toContain(CREDIT);

    // The same summary in-process: a clean run passes, no log file at all is a broken capture.
    const good = summarize(scanLogDir(logDir({ 'vitest/y.log': ['ok', 'fine', 'done'] }), []));
    expect(good).toEqual({ lines: ['leaks=0 lines=3 files=1'], ok: true });
    expect(summarize(scanLogDir(logDir({}), [])).ok).toBe(false);
  });
});
