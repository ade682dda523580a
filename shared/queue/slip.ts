import { z } from 'zod';

/**
 * The kiosk's printed ticket slip: which receipt-printer roll the hall uses, and the address a
 * customer's phone opens from the slip's QR code to follow their place in the queue. Part of
 * the hall's queue settings (queue.saveConfig), so every kiosk of the hall prints alike.
 */

export const SLIP_WIDTHS = [58, 80] as const;
export type SlipWidth = (typeof SLIP_WIDTHS)[number];

/**
 * What a query-address template may name; each is replaced URL-encoded. The template is the
 * hall's own, so the hall's code is written into it as it stands.
 */
export const SLIP_PLACEHOLDERS = ['ticket', 'day'] as const;
type Placeholder = (typeof SLIP_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Why a template is refused, or null when it can be used. */
export function templateProblem(template: string): 'https' | 'ticket' | 'unknown' | null {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
  if (names.some((n) => !(SLIP_PLACEHOLDERS as readonly string[]).includes(n))) return 'unknown';
  if (!names.includes('ticket')) return 'ticket';
  try {
    // Checked with the placeholders filled in: the braces themselves are not URL characters.
    const url = new URL(template.replace(PLACEHOLDER, 'x'));
    if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return 'https';
  } catch {
    return 'https';
  }
  return null;
}

const PROBLEM_TEXT = {
  https: { zh: '必须是 https:// 开头的网址', en: 'must be an https:// address' },
  ticket: {
    zh: '必须含有 {ticket}（排队号码填入的位置）',
    en: 'must contain {ticket} (where the ticket number goes)',
  },
  unknown: {
    zh: '只能使用 {ticket}（排队号码）和 {day}（日期）这两个占位符',
    en: 'may only use the placeholders {ticket} (ticket number) and {day} (date)',
  },
} as const;

/** An https address template such as `https://95598.example.cn/queue?hall=HALL01&day={day}&no={ticket}`. */
export const QueueQueryUrlSchema = z
  .string()
  .trim()
  .max(300)
  .superRefine((value, ctx) => {
    const problem = templateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: PROBLEM_TEXT[problem] });
  });

export const SlipSettingsSchema = z.object({
  /** Roll width of the kiosk's receipt printer, millimetres. */
  paperMm: z.union([z.literal(58), z.literal(80)]).default(80),
  /** Absent: the slip prints without a QR code. */
  queueQueryUrl: QueueQueryUrlSchema.optional(),
});
export type SlipSettings = z.infer<typeof SlipSettingsSchema>;

export const DEFAULT_SLIP: SlipSettings = { paperMm: 80 };

/** The address for one ticket: every placeholder filled in, URL-encoded. */
export function queueQueryUrl(template: string, values: Record<Placeholder, string>): string {
  return template.replace(PLACEHOLDER, (_all, name: string) =>
    encodeURIComponent(values[name as Placeholder] ?? ''),
  );
}
