import type { z } from 'zod';
import type { ComplaintListQuerySchema } from '../../../../shared/api/methods/complaints';
import {
  warningRange,
  type DeadlineWarning,
  type WarningBounds,
} from '../../../../shared/deadline';
import type { ServiceRuleSet } from '../../../../shared/service-rules';

export type ComplaintListQueryParsed = z.output<typeof ComplaintListQuerySchema>;

/** The WHERE and ORDER BY of a complaint list query, with its named parameters. */
export interface ComplaintListFilter {
  where: string;
  order: string;
  params: Record<string, string | number>;
}

/**
 * Turns the list's filters into SQL conditions on the complaint columns: state, open only,
 * deadline warning level (as a due-time range, so the index serves it) and repeat level (by the
 * thresholds of the rule set in force now).
 */
export function complaintListFilter(
  q: ComplaintListQueryParsed,
  bounds: () => WarningBounds,
  current: ServiceRuleSet,
): ComplaintListFilter {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.state) {
    where.push('state = @state');
    params.state = q.state;
  }
  if (q.open) where.push("state <> 'archived'");
  if (q.warning) {
    const b = bounds();
    const level = q.warning === 'any' ? null : (q.warning as DeadlineWarning);
    const range = level ? warningRange(level, b) : { to: b.yellowBefore };
    where.push('next_due_at IS NOT NULL');
    if (range.from !== undefined) {
      where.push('next_due_at >= @dueFrom');
      params.dueFrom = range.from;
    }
    if (range.to !== undefined) {
      where.push('next_due_at < @dueTo');
      params.dueTo = range.to;
    }
  }
  if (q.repeat) {
    where.push('repeat_count >= @repeatMin');
    params.repeatMin = q.repeat === 'red' ? current.repeat.redAt : current.repeat.orangeAt;
  }
  const order =
    q.sort === 'due'
      ? 'next_due_at IS NULL, next_due_at ASC, taken_at DESC'
      : 'taken_at DESC, id DESC';
  return { where: where.length ? where.join(' AND ') : '1', order, params };
}
