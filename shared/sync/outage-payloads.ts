import { z } from 'zod';

const IsoTime = z.iso.datetime({ offset: true });

/**
 * A planned outage central published for an area (issue 17): when, where (the affected lines or
 * streets as central describes them) and the notice for customers. A station pulls those of its
 * hall's area and counts them as a signal for the suggested hall alert level.
 */
export const PlannedOutageSchema = z.object({
  id: z.uuid(),
  /** The district code (GB/T 2260) or name the outage was published for. */
  area: z.string().min(1).max(100),
  startsAt: IsoTime,
  endsAt: IsoTime,
  affected: z.string().max(500),
  customerNotice: z.string().max(300),
  publishedAt: IsoTime,
});
export type PlannedOutage = z.infer<typeof PlannedOutageSchema>;

/** GET /v1/outages: the outages of the device's hall's area not over yet. */
export const OutagesPageSchema = z.object({ outages: z.array(PlannedOutageSchema) });
export type OutagesPage = z.infer<typeof OutagesPageSchema>;
