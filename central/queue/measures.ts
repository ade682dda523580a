import { counterName } from '../../shared/queue/defaults';
import { hallDate } from '../../shared/hall-time';
import type { QueueOpParsed } from '../../shared/queue/protocol';
import type { MeasureRow, Measures } from '../../shared/queue/schemas';
import type { LocalizedText } from '../../shared/text';
import { all, get, type Work } from '../store/work';
import { SELECT_TICKET, type QueueCore, type TicketRow } from './core';

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Wait (queued → first call), service time (serving or call → end), no-shows and long waits,
 * per service, per counter and in total, over hall days `from`..`to`.
 */
export function* measures(
  q: QueueCore,
  hall: string,
  input: QueueOpParsed<'measures'>,
): Work<Measures> {
  const config = yield* q.config(hall);
  const now = q.now();
  const today = hallDate(now);
  const from = input.from ?? today;
  const to = input.to ?? from;
  const longMs = config.longWaitMinutes * 60_000;
  const rows = yield* all<TicketRow>(
    `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day >= ? AND t.day <= ?`,
    hall,
    from,
    to,
  );

  const empty = (key: string, name: LocalizedText) => ({
    key,
    name,
    rows: [] as TicketRow[],
  });
  const byService = new Map(config.services.map((s) => [s.code, empty(s.code, s.name)]));
  const byCounter = new Map<string, ReturnType<typeof empty>>();
  for (const r of rows) {
    if (!byService.has(r.service_code)) {
      byService.set(
        r.service_code,
        empty(r.service_code, { zh: r.service_code, en: r.service_code }),
      );
    }
    byService.get(r.service_code)?.rows.push(r);
    if (r.counter) {
      if (!byCounter.has(r.counter)) {
        byCounter.set(r.counter, empty(r.counter, counterName(config, r.counter)));
      }
      byCounter.get(r.counter)?.rows.push(r);
    }
  }
  const summarise = (g: { key: string; name: LocalizedText; rows: TicketRow[] }): MeasureRow => {
    const waits = g.rows
      .filter((r) => r.called_at !== null)
      .map((r) => (r.called_at as number) - r.queued_at);
    const services = g.rows
      .filter((r) => (r.state === 'done' || r.state === 'transferred') && r.finished_at !== null)
      .map(
        (r) =>
          (r.finished_at as number) - (r.serving_at ?? r.called_at ?? (r.finished_at as number)),
      );
    const waitingNow = g.rows.filter((r) => r.state === 'issued' && r.day === today);
    const avg = (xs: number[]) =>
      xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length / 60_000) : null;
    return {
      key: g.key,
      name: g.name,
      issued: g.rows.filter((r) => r.transferred_from === null).length,
      served: g.rows.filter((r) => r.state === 'done').length,
      noShows: g.rows.filter((r) => r.state === 'no_show').length,
      avgWaitMinutes: avg(waits),
      maxWaitMinutes: waits.length ? round1(Math.max(...waits) / 60_000) : null,
      avgServiceMinutes: avg(services),
      longWaits: waits.filter((w) => w > longMs).length,
      waitingNow: waitingNow.length,
      waitingLongNow: waitingNow.filter((r) => now - r.queued_at > longMs).length,
    };
  };
  const ratings = yield* get<{
    count: number;
    very: number | null;
    sat: number | null;
    dis: number | null;
    att: number | null;
    qua: number | null;
    eff: number | null;
  }>(
    `SELECT count(*) AS count,
       sum(CASE WHEN rating = 'very_satisfied' THEN 1 ELSE 0 END) AS very,
       sum(CASE WHEN rating = 'satisfied' THEN 1 ELSE 0 END) AS sat,
       sum(CASE WHEN rating = 'dissatisfied' THEN 1 ELSE 0 END) AS dis,
       avg(attitude) AS att, avg(quality) AS qua, avg(efficiency) AS eff
     FROM queue_ratings WHERE hall_code = ? AND day >= ? AND day <= ?`,
    hall,
    from,
    to,
  );
  const opt = (n: number | null | undefined) => (n === null || n === undefined ? null : round1(n));
  return {
    from,
    to,
    longWaitMinutes: config.longWaitMinutes,
    total: summarise({ key: 'total', name: { zh: '合计', en: 'Total' }, rows }),
    byService: [...byService.values()].map(summarise),
    byCounter: [...byCounter.values()].sort((a, b) => a.key.localeCompare(b.key)).map(summarise),
    ratings: {
      count: ratings?.count ?? 0,
      verySatisfied: ratings?.very ?? 0,
      satisfied: ratings?.sat ?? 0,
      dissatisfied: ratings?.dis ?? 0,
      avgAttitude: opt(ratings?.att),
      avgQuality: opt(ratings?.qua),
      avgEfficiency: opt(ratings?.eff),
    },
  };
}
