import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { maskCreditCode, maskIdNumber, maskMiddle, maskMobile } from '../../shared/domain/mask';
import { checkCreditCode, checkIdNumber, checkMobile } from '../../shared/validators';

export type LeakKind = 'canary' | 'id-number' | 'mobile' | 'credit-code';

export interface Leak {
  kind: LeakKind;
  /** The value masked as on screen: a report of a leak must not leak it again. */
  masked: string;
}

export interface FileLeak extends Leak {
  file: string;
  /** 1-based. */
  line: number;
}

export interface ScanReport {
  files: number;
  lines: number;
  leaks: FileLeak[];
}

// Candidates stand alone: a letter or digit on either side means part of a hash, a token or a
// longer number (an 18-digit run inside a sha256 hex string is not an ID number).
const TOKEN_18 = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z+])(?:(?:\+|00)86[ -]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** Every piece of personal data in one line: canaries anywhere, validated numbers standing alone. */
export function findLeaks(line: string, canaries: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  const lower = line.toLowerCase();
  for (const canary of canaries) {
    if (lower.includes(canary.toLowerCase())) {
      leaks.push({ kind: 'canary', masked: maskMiddle(canary, 1, 1) });
    }
  }
  for (const [token] of line.matchAll(TOKEN_18)) {
    if (checkIdNumber(token).ok) leaks.push({ kind: 'id-number', masked: maskIdNumber(token) });
    else if (checkCreditCode(token).ok) {
      leaks.push({ kind: 'credit-code', masked: maskCreditCode(token) });
    }
  }
  for (const [number] of line.matchAll(MOBILE)) {
    if (checkMobile(number).ok) leaks.push({ kind: 'mobile', masked: maskMobile(number) });
  }
  return leaks;
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Scans every file under `dir`, line by line. */
export function scanLogDir(dir: string, canaries: readonly string[]): ScanReport {
  const report: ScanReport = { files: 0, lines: 0, leaks: [] };
  for (const file of filesUnder(dir)) {
    report.files += 1;
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((text, i) => {
      report.lines += 1;
      for (const leak of findLeaks(text, canaries)) {
        report.leaks.push({ ...leak, file: relative(dir, file), line: i + 1 });
      }
    });
  }
  return report;
}

/** What the closing step prints, and whether it passes (no log file at all is a broken capture). */
export function summarize(report: ScanReport, shown = 50): { lines: string[]; ok: boolean } {
  const lines = report.leaks
    .slice(0, shown)
    .map((l) => `leak: ${l.file}:${l.line} ${l.kind} ${l.masked}`);
  if (report.leaks.length > shown) lines.push(`leak: … and ${report.leaks.length - shown} more`);
  lines.push(`leaks=${report.leaks.length} lines=${report.lines} files=${report.files}`);
  return { lines, ok: report.leaks.length === 0 && report.files > 0 };
}
