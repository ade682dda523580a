import { z } from 'zod';
import { LocalizedTextSchema } from '../api/schemas';
import { RatingSchema, ServiceCodeSchema, TicketStateSchema } from './schemas';

const Iso = z.iso.datetime({ offset: true });
const Score = z.number().int().min(1).max(5).nullable();

/** How many of a customer's tickets the hub answers at most (the newest first). */
export const CUSTOMER_TICKETS_LIMIT = 200;

/**
 * `customerTickets`: one customer's tickets in the device's own hall, by the ids a ticket's
 * `customerRef` may carry (the hall's id, a station's id before it learnt it, merged duplicates).
 * Staff stations only: a kiosk or display credential is refused (central/queue/routes.ts).
 */
export const CustomerTicketsInputSchema = z
  .object({ customerRefs: z.array(z.uuid()).min(1).max(50) })
  .strict();

/** What the kiosk's rating screen took for the ticket; the kiosk takes no free text. */
export const CustomerTicketRatingSchema = z.object({
  rating: RatingSchema,
  attitude: Score,
  quality: Score,
  efficiency: Score,
  at: Iso,
});

export const CustomerTicketSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  day: z.string(),
  serviceCode: ServiceCodeSchema,
  serviceName: LocalizedTextSchema,
  state: TicketStateSchema,
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  rating: CustomerTicketRatingSchema.nullable(),
});
export type CustomerTicket = z.infer<typeof CustomerTicketSchema>;

export const CustomerTicketsSchema = z.object({ tickets: z.array(CustomerTicketSchema) });
export type CustomerTickets = z.infer<typeof CustomerTicketsSchema>;
