import type { FieldValues } from '../api/schemas';
import type { WorkingCalendar } from '../deadline/calendar';
import type { LocalizedText } from '../text';
import type { RuleCheckDef } from './types';

/**
 * What a rule check sees: the normalized field values, the hall clock, and the working calendar
 * in force (bundled data plus the years a supervisor loaded).
 */
export interface RuleContext {
  fields: FieldValues;
  now: Date;
  calendar?: WorkingCalendar;
}
export type Params = NonNullable<RuleCheckDef['params']>;
export type RuleCheck = (params: Params, ctx: RuleContext) => LocalizedText | undefined;

export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
export const param = (p: Params, key: string): string => String(p[key] ?? '');
export const numParam = (p: Params, key: string, fallback: number): number => {
  const v = Number(p[key]);
  return p[key] !== undefined && p[key] !== '' && Number.isFinite(v) ? v : fallback;
};
/** Select values "yes" / true. */
export const isYes = (v: unknown): boolean => v === 'yes' || v === true;
export const isGiven = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
