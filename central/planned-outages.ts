import { randomUUID } from 'node:crypto';
import { all, get, run, type CentralStore, type Work } from './store/work';
import { toHallIso } from '../shared/hall-time';
import type { PlannedOutage } from '../shared/sync/outage-payloads';

interface OutageRow {
  outage_id: string;
  area: string;
  starts_at: number;
  ends_at: number;
  body: string;
  published_at: number;
}

/** What the admin API publishes: the area is a district's code or its name. */
export interface OutageInput {
  area: string;
  startsAt: string;
  endsAt: string;
  affected: string;
  customerNotice: string;
}

/** The district a hall is in (the admin API sets it). */
export interface HallArea {
  districtCode: string;
  districtName: string;
}

/**
 * Planned outages at central: published for an area by the admin API, and pulled by a
 * station for its own hall's area only (the hall's district, matched by code or by name). A
 * hall whose area central does not know gets none.
 */
export class PlannedOutages {
  constructor(
    private readonly store: CentralStore,
    private readonly now: () => number,
  ) {}

  setHallArea(hallCode: string, area: HallArea): Promise<void> {
    return this.store.write(() => this.putArea(hallCode, area));
  }

  private *putArea(hallCode: string, area: HallArea): Work<void> {
    const seen = yield* get<{ hall_code: string }>(
      'SELECT hall_code FROM hall_areas WHERE hall_code = ?',
      hallCode,
    );
    yield* seen
      ? run(
          'UPDATE hall_areas SET district_code = ?, district_name = ?, updated_at = ? WHERE hall_code = ?',
          area.districtCode,
          area.districtName,
          this.now(),
          hallCode,
        )
      : run(
          'INSERT INTO hall_areas (hall_code, district_code, district_name, updated_at) VALUES (?, ?, ?, ?)',
          hallCode,
          area.districtCode,
          area.districtName,
          this.now(),
        );
  }

  async publish(input: OutageInput): Promise<{ id: string }> {
    const id = randomUUID();
    const body = JSON.stringify({ affected: input.affected, customerNotice: input.customerNotice });
    await this.store.write(() =>
      run(
        `INSERT INTO planned_outages (outage_id, area, starts_at, ends_at, body, published_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        id,
        input.area,
        Date.parse(input.startsAt),
        Date.parse(input.endsAt),
        body,
        this.now(),
      ),
    );
    return { id };
  }

  /** The outages of the hall's area that have not ended, soonest first. */
  async forHall(hallCode: string): Promise<PlannedOutage[]> {
    const rows = await this.store.read(() =>
      all<OutageRow>(
        `SELECT o.* FROM planned_outages o JOIN hall_areas h
            ON o.area = h.district_code OR o.area = h.district_name
          WHERE h.hall_code = ? AND o.ends_at > ? ORDER BY o.starts_at, o.outage_id`,
        hallCode,
        this.now(),
      ),
    );
    return rows.map((r) => {
      const body = JSON.parse(r.body) as { affected: string; customerNotice: string };
      return {
        id: r.outage_id,
        area: r.area,
        startsAt: toHallIso(r.starts_at),
        endsAt: toHallIso(r.ends_at),
        ...body,
        publishedAt: toHallIso(r.published_at),
      };
    });
  }
}
