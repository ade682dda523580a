import { hallDate } from '../../shared/hall-time';
import type { AppointmentFigures } from '../../shared/appointments/schemas';
import { all, get, type Work } from '../store/work';
import { sweepNoShows } from './bookings';
import type { AppointmentCore } from './core';

/** Today's appointment figures of a hall, for the supervisor's dashboard. */
export function* figures(a: AppointmentCore, hall: string): Work<AppointmentFigures> {
  yield* sweepNoShows(a, hall);
  const day = hallDate(a.now());
  const capacity =
    (yield* get<{ n: number | null }>(
      'SELECT sum(capacity) AS n FROM appt_slots WHERE hall_code = ? AND day = ?',
      hall,
      day,
    ))?.n ?? 0;
  const rows = yield* all<{ state: string; late: number; n: number }>(
    `SELECT state, late, count(*) AS n FROM appt_bookings WHERE hall_code = ? AND day = ?
     GROUP BY state, late`,
    hall,
    day,
  );
  const count = (state: string, late?: number): number =>
    rows
      .filter((r) => r.state === state && (late === undefined || r.late === late))
      .reduce((sum, r) => sum + r.n, 0);
  const checkedIn = count('checked_in');
  const noShow = count('no_show');
  const waiting = count('booked');
  return {
    day,
    capacity,
    // Every place taken today, whatever became of it after (cancellations are counted apart).
    booked: waiting + checkedIn + noShow,
    checkedIn,
    late: count('checked_in', 1),
    noShow,
    cancelled: count('cancelled'),
    waiting,
  };
}
