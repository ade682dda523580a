import { z } from 'zod';

/**
 * The address a receipt's QR code opens: the hall's own 进度查询 page, as a template with the
 * application number in it (`https://…/query?no={applicationNo}`). Set per hall in the station
 * config (`receiptQueryUrl`); a supervisor changes it under 站点设置.
 */
export const APP_NO_PLACEHOLDER = '{applicationNo}';

/** For demos and a hall that has not set its own page yet (example.com is reserved, RFC 2606). */
export const DEFAULT_RECEIPT_QUERY_URL = `https://hall.example.com/query?no=${APP_NO_PLACEHOLDER}`;

/** Why a template is refused, or null when it is usable. */
export function queryUrlProblem(template: string): 'https' | 'placeholder' | null {
  const count = template.split(APP_NO_PLACEHOLDER).length - 1;
  if (count !== 1) return 'placeholder';
  try {
    // The placeholder stands for a plain number while the rest is checked as an address.
    const url = new URL(template.replace(APP_NO_PLACEHOLDER, 'X'));
    if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return 'https';
  } catch {
    return 'https';
  }
  return null;
}

export const ReceiptQueryUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => queryUrlProblem(v) !== 'https', {
    params: {
      zh: '必须是 https:// 开头的网址（不含用户名和密码）',
      en: 'must be an https:// address (without a user name or password)',
    },
  })
  .refine((v) => queryUrlProblem(v) !== 'placeholder', {
    params: {
      zh: `必须恰好包含一次 ${APP_NO_PLACEHOLDER}（受理编号的位置）`,
      en: `must contain ${APP_NO_PLACEHOLDER} exactly once (where the application number goes)`,
    },
  });

/** The query address for one application (the number is URL-encoded where it is put). */
export const queryUrlFor = (template: string, appNo: string): string =>
  template.replace(APP_NO_PLACEHOLDER, encodeURIComponent(appNo));
