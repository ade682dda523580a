import { hallDate, toHallIso } from '../../../shared/hall-time';

/**
 * Dates are shown in hall time; the counter's clock is the legal start of every deadline. Hall
 * time is a fixed UTC+8 (shared/hall-time), so the text is cut from the instant's hall ISO form:
 * the same result as Intl in Asia/Shanghai at a fraction of its cost (a long list formats two
 * dates per row as it scrolls).
 */
function hallIso(iso: string): string | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : toHallIso(at);
}

/** 2025-03-14 09:30, the same in both languages so clerks and printouts agree. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const s = hallIso(iso);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : '';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return hallIso(iso)?.slice(0, 10) ?? '';
}

/** Today in hall time as YYYY-MM-DD. */
export function hallToday(now: Date = new Date()): string {
  return hallDate(now);
}
