import { BACKUP_DEFAULTS, type BackupScheduleConfig } from './backup-schedule';

/**
 * The backup schedule from command-line flags or environment values (text); a bad value gives
 * one line naming the option, in Chinese and English.
 */
export function backupConfigFromFlags(
  everyHours: string | undefined,
  keepDays: string | undefined,
): Required<BackupScheduleConfig> | string {
  const read = (text: string | undefined, name: string, fallback: number): number | string => {
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > 24 * 366) {
      return `${name} 必须是正数（收到 "${text}"） / ${name} must be a positive number (got "${text}")`;
    }
    return n;
  };
  const hours = read(everyHours, '--backup-hours', BACKUP_DEFAULTS.everyHours);
  if (typeof hours === 'string') return hours;
  const days = read(keepDays, '--backup-keep-days', BACKUP_DEFAULTS.keepDays);
  if (typeof days === 'string') return days;
  return { everyHours: hours, keepDays: days };
}
