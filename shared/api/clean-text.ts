import { z } from 'zod';

/**
 * Clean text for everything a person types: names and free text are stored NFC-normalised, and
 * characters that only ever arrive by accident or by attack are refused with a field error:
 *
 * - a lone UTF-16 surrogate (half of a character: it cannot be stored as UTF-8 faithfully);
 * - U+FFFD, the replacement character a bad UTF-8 decode leaves behind (the text is already lost);
 * - bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
 *   name or note display in another order than it is stored ("Trojan Source");
 * - control characters: none at all in names (which also refuse other invisible format
 *   characters and line separators), only tab and line breaks in free text.
 */
export type TextProblem = 'surrogate' | 'replacement' | 'bidi' | 'control';

const MESSAGES: Record<TextProblem, { zh: string; en: string }> = {
  surrogate: {
    zh: '含有无效字符（不完整的 Unicode 字符），请重新输入',
    en: 'contains an invalid character (half of a Unicode character); please type it again',
  },
  replacement: {
    zh: '含有乱码字符（U+FFFD），请重新输入',
    en: 'contains U+FFFD, left by text that was decoded wrongly; please type it again',
  },
  bidi: {
    zh: '含有文字方向控制字符，不允许使用',
    en: 'contains a text-direction control character, which is not allowed',
  },
  control: {
    zh: '含有控制字符或不可见字符，不允许使用',
    en: 'contains a control or invisible character, which is not allowed',
  },
};

const LONE_SURROGATE = /\p{Cs}/u;
const REPLACEMENT = /\uFFFD/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Names: every control, format (zero-width, BOM, soft hyphen…) and line/paragraph separator. */
const NAME_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Free text: controls other than tab, line feed and carriage return. */
const TEXT_CONTROL = /(?![\t\n\r])\p{Cc}/u;

export type TextKind = 'name' | 'text';

/** The first problem of a string, or null when it may be stored. */
export function textProblem(s: string, kind: TextKind): TextProblem | null {
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  if (REPLACEMENT.test(s)) return 'replacement';
  if (BIDI.test(s)) return 'bidi';
  if ((kind === 'name' ? NAME_CONTROL : TEXT_CONTROL).test(s)) return 'control';
  return null;
}

/** Adds the field error for a problem; the dispatcher turns params.zh/en into the message. */
export function addTextIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  problem: TextProblem,
  path: PropertyKey[] = [],
): void {
  const { zh, en } = MESSAGES[problem];
  ctx.addIssue({ code: 'custom', message: en, path, params: { textProblem: problem, zh, en } });
}

const cleaned = (kind: TextKind) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = textProblem(s, kind);
      if (problem) addTextIssue(ctx, problem);
    })
    .normalize('NFC');

/** A person's or organisation's name: NFC, no controls; chain .trim().min().max() after it. */
export const nameText = (): z.ZodString => cleaned('name');

/** Free text (notes, complaint content, answers): NFC, tab and line breaks allowed. */
export const freeText = (): z.ZodString => cleaned('text');

/** Field keys whose values are names and get the stricter rule (applicantName, agentName…). */
export const isNameKey = (key: string): boolean => /Name$/.test(key);
