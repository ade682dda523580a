import { z } from 'zod';
import { nameText } from '../api/clean-text';
import { weekdayOf } from './calendar';

const DateString = z.iso.date();

/**
 * A named holiday as the notice lists it (春节 2027-02-06 to 02-12): kept so the supervisor's
 * form shows the year as it was entered. Only `holidays` and `workdays` count for deadlines.
 */
export const HolidayPeriodSchema = z.object({
  name: nameText().trim().min(1).max(20),
  from: DateString,
  to: DateString,
});
export type HolidayPeriod = z.infer<typeof HolidayPeriodSchema>;

/**
 * A year's holiday notice as loaded from settings or the central system. Checked before use:
 * every date inside the year, no day both off and working, and a 调休 make-up day must fall on a
 * weekend (a weekday is a working day anyway: listing one is a typing mistake).
 */
export const CalendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(DateString).max(80),
    workdays: z.array(DateString).max(40),
    periods: z.array(HolidayPeriodSchema).max(40).optional(),
  })
  .superRefine((y, ctx) => {
    const prefix = `${y.year}-`;
    for (const key of ['holidays', 'workdays'] as const) {
      y[key].forEach((d, i) => {
        if (!d.startsWith(prefix))
          ctx.addIssue({ code: 'custom', path: [key, i], message: 'date outside the year' });
      });
    }
    const off = new Set(y.holidays);
    y.periods?.forEach((p, i) => {
      if (!p.from.startsWith(prefix) || !p.to.startsWith(prefix))
        ctx.addIssue({ code: 'custom', path: ['periods', i], message: 'date outside the year' });
      else if (p.from > p.to)
        ctx.addIssue({
          code: 'custom',
          path: ['periods', i, 'to'],
          message: 'ends before it starts',
        });
    });
    y.workdays.forEach((d, i) => {
      if (off.has(d))
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'day is also a holiday' });
      else if (DateString.safeParse(d).success && weekdayOf(d) !== 0 && weekdayOf(d) !== 6)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'not a weekend day' });
    });
  });
