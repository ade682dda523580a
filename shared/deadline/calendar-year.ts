import { z } from 'zod';
import { weekdayOf } from './calendar';

const DateString = z.iso.date();

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
    y.workdays.forEach((d, i) => {
      if (off.has(d))
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'day is also a holiday' });
      else if (DateString.safeParse(d).success && weekdayOf(d) !== 0 && weekdayOf(d) !== 6)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'not a weekend day' });
    });
  });
