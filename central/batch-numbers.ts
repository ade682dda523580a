import { hallDateCompact, hallDayStart, hallDate, DAY_MS } from '../shared/hall-time';
import { get, run, type Work } from './store/work';

/**
 * Central numbers for the submits of one batch (one transaction). The hall's counter row for the
 * day is taken (and on PostgreSQL locked) with the batch's first number, the rest are counted
 * here, and the row is written once at the end: one statement per batch instead of one per
 * application, with the same numbers 1..n without gaps (nothing else takes numbers inside the
 * transaction, and a failed batch rolls the row back with everything else).
 * Make one per run of the work: a PostgreSQL retry must start again from the stored row.
 */
export class BatchNumbers {
  private day: string | undefined;
  private last = 0;
  private stored = 0;
  /** The hall day the last instant fell in, [start, end) in epoch ms. */
  private span = { start: 0, end: 0, day: '' };

  constructor(private readonly hallCode: string) {}

  /** The hall date of `at` as 'YYYYMMDD', worked out once per day. */
  dayOf(at: number): string {
    if (at < this.span.start || at >= this.span.end) {
      const start = hallDayStart(hallDate(at));
      this.span = { start, end: start + DAY_MS, day: hallDateCompact(at) };
    }
    return this.span.day;
  }

  /** The next central number of the hall on `day`. */
  *next(day: string): Work<number> {
    if (day !== this.day) {
      yield* this.flush();
      const row = (yield* get<{ last: number }>(
        `INSERT INTO number_counters (hall_code, day, last) VALUES (?, ?, 1)
           ON CONFLICT (hall_code, day) DO UPDATE SET last = number_counters.last + 1
           RETURNING last`,
        this.hallCode,
        day,
      )) as { last: number }; // RETURNING always yields the row
      this.day = day;
      this.last = this.stored = row.last;
      return this.last;
    }
    return ++this.last;
  }

  /** Writes the numbers counted since the row was last stored (call before the batch commits). */
  *flush(): Work<void> {
    if (this.day === undefined || this.last === this.stored) return;
    yield* run(
      'UPDATE number_counters SET last = ? WHERE hall_code = ? AND day = ?',
      this.last,
      this.hallCode,
      this.day,
    );
    this.stored = this.last;
  }
}
