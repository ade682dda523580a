import { createRequire } from 'node:module';
import type * as PinyinModule from 'pinyin-pro';

type PinyinPro = typeof PinyinModule;
let pinyinPro: PinyinPro | undefined;
/**
 * pinyin-pro (its dictionary) is read on the first name written, not at start: importing it
 * took 0.1-0.3 s before the web host could listen, and a host that only lists never needs it.
 */
const pinyin: PinyinPro['pinyin'] = ((...args: Parameters<PinyinPro['pinyin']>) => {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro;
  return (pinyinPro.pinyin as (...a: unknown[]) => unknown)(...args);
}) as PinyinPro['pinyin'];

/**
 * Loads the dictionary now. The hosts call it once the first screen's calls are over
 * (createServices: whenQuiet), so
 * that the first application a clerk submits does not wait 0.1-0.4 s for it.
 */
export function warmNamePinyin(): void {
  pinyin('张', { toneType: 'none' });
}

/**
 * The pinyin search keys of a person's name, computed when the row is written so that a
 * pinyin query is an index range like any other prefix: `initials` ("zw" for 张伟) and `full`
 * ("zhangwei"). The first character is read as a surname (单 shan, 曾 zeng, 解 xie), which is
 * what a clerk types; ü is written v (吕 lv), as on every pinyin keyboard. Letters in the name
 * (a foreign name) are kept lower case; digits, spaces and marks such as · are dropped.
 */
export interface NamePinyin {
  initials: string;
  full: string;
}

const LETTERS = /^[a-z]+$/;

function syllables(name: string): string[] {
  return pinyin(name, {
    mode: 'surname',
    pattern: 'pinyin',
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'spaced',
  }).map((s) => s.toLowerCase());
}

export function namePinyin(name: string): NamePinyin {
  const trimmed = name.trim();
  if (trimmed === '') return { initials: '', full: '' };
  // One reading of the name: the initials are its syllables' first letters (what pinyin-pro's
  // 'first' pattern returns, without reading the name a second time).
  const kept = syllables(trimmed).filter((p) => LETTERS.test(p));
  return {
    initials: kept.map((p) => p.charAt(0)).join(''),
    full: kept.join(''),
  };
}

// Separators people type between syllables: spaces, apostrophes (xi'an), middle dots.
const SEPARATORS = /[\s'’·]/gu;

/**
 * A query as the pinyin columns are compared: lower case, separators dropped, ü as v. Only a
 * query of Latin letters alone is a pinyin query (anything else returns undefined).
 */
export function pinyinQuery(raw: string): string | undefined {
  const q = raw.normalize('NFKC').replace(SEPARATORS, '').toLowerCase().replace(/ü/g, 'v');
  return LETTERS.test(q) ? q : undefined;
}
