import { HALL_TIME_ZONE, hallDate } from '../../../shared/hall-time';

/** Dates are shown in hall time; the counter's clock is the legal start of every deadline. */

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: HALL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateTimeFormat.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** 2025-03-14 09:30, the same in both languages so clerks and printouts agree. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** Today in hall time as YYYY-MM-DD. */
export function hallToday(now: Date = new Date()): string {
  return hallDate(now);
}
