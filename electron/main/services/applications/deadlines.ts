import type { FieldValues } from '../../../../shared/api/schemas';
import { deadlineFor, type BusinessType } from '../../../../shared/catalogue';
import {
  computeDeadline,
  type WarningBounds,
  type WorkingCalendar,
} from '../../../../shared/deadline';

export interface DeadlinePolicy {
  processDeadline(
    type: BusinessType,
    fields: FieldValues,
    acceptedAt: Date,
  ): { workingDays: number; deadlineAt: Date; whole?: { workingDays: number; deadlineAt: Date } };
  warningBounds(now: Date): WarningBounds;
  /** The hall calendar (bundled plus loaded years): notice periods count on it. */
  calendar?(): WorkingCalendar;
}

export type DeadlineOf = (
  type: BusinessType,
  fields: FieldValues,
  acceptedAt: Date,
) => {
  workingDays: number;
  deadlineAt: number;
  /** A second, whole-process limit where the rules set one (低压非居民 新装: 15 working days). */
  whole?: { workingDays: number; deadlineAt: number };
};

/**
 * The deadline fixed at acceptance (the counter's clock, never the sync time): the policy in
 * settings when there is one, else the catalogue figures and the bundled calendar.
 */
export function deadlineOfPolicy(policy: DeadlinePolicy | undefined): DeadlineOf {
  return (type, fields, acceptedAt) => {
    if (policy) {
      const d = policy.processDeadline(type, fields, acceptedAt);
      return {
        workingDays: d.workingDays,
        deadlineAt: d.deadlineAt.getTime(),
        ...(d.whole
          ? {
              whole: { workingDays: d.whole.workingDays, deadlineAt: d.whole.deadlineAt.getTime() },
            }
          : {}),
      };
    }
    const workingDays = deadlineFor(type, fields).workingDays;
    return { workingDays, deadlineAt: computeDeadline(acceptedAt, workingDays).getTime() };
  };
}
