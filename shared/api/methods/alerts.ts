import { z } from 'zod';
import { ALERT_LEVELS, ALERT_SIGNALS } from '../../alerts/levels';
import { freeText } from '../clean-text';
import { IdInputSchema, IsoTimeSchema, LocalizedTextSchema, UuidSchema } from '../schemas';

const Empty = z.object({}).strict();
const Level = z.enum(ALERT_LEVELS);

/** A hall alert as staff screens see it (the banner, the guide's prepared answers). */
export const HallAlertSchema = z.object({
  id: UuidSchema,
  origin: z.enum(['hall', 'central']),
  area: z.string().nullable(),
  level: Level,
  reason: z.string(),
  staffGuidance: z.string(),
  customerNotice: z.string(),
  scripts: z.array(z.string()),
  startsAt: IsoTimeSchema,
  endsAt: IsoTimeSchema,
  raisedBy: z.string(),
});
export type HallAlert = z.infer<typeof HallAlertSchema>;

/** What a kiosk or the display may show: the customer notice only. */
export const CustomerNoticeSchema = z.object({
  id: UuidSchema,
  level: Level,
  notice: z.string(),
  endsAt: IsoTimeSchema,
});
export type CustomerNotice = z.infer<typeof CustomerNoticeSchema>;

export const AlertRaiseInputSchema = z.object({
  level: Level,
  reason: freeText().trim().min(2).max(200),
  staffGuidance: freeText().trim().min(2).max(1000),
  customerNotice: freeText().trim().max(300).default(''),
  scripts: z.array(freeText().trim().min(2).max(300)).max(10).default([]),
  endsAt: IsoTimeSchema,
});
export type AlertRaiseInput = z.input<typeof AlertRaiseInputSchema>;

const Count = z.number().int().min(0).max(100_000);
export const SignalThresholdsSchema = z.object({ yellow: Count, orange: Count, red: Count });
export const AlertThresholdsSchema = z.object({
  waitingTickets: SignalThresholdsSchema,
  repeatContactsToday: SignalThresholdsSchema,
  overdueApplications: SignalThresholdsSchema,
});

/** A planned outage of the hall's area as central published it (pulled, read-only here). */
export const PlannedOutageViewSchema = z.object({
  id: UuidSchema,
  area: z.string(),
  startsAt: IsoTimeSchema,
  endsAt: IsoTimeSchema,
  affected: z.string(),
  customerNotice: z.string(),
  inProgress: z.boolean(),
});
export type PlannedOutageView = z.infer<typeof PlannedOutageViewSchema>;

const PlannedOutagesSignalSchema = z.object({
  inProgress: z.number().int(),
  startingSoon: z.number().int(),
  /** The window "starting soon" counts in, in hours. */
  soonHours: z.number().int(),
  level: z.enum(['none', ...ALERT_LEVELS]),
  /** Where the outage levels come from (the hall's own setting). */
  source: LocalizedTextSchema,
  /** Every outage of the area not ended yet, soonest first. */
  outages: z.array(PlannedOutageViewSchema),
});

export const AlertSuggestionSchema = z.object({
  level: z.enum(['none', ...ALERT_LEVELS]),
  signals: z.array(
    z.object({
      signal: z.enum(ALERT_SIGNALS),
      /** null: the signal could not be read now (e.g. the hall queue is unreachable). */
      value: z.number().int().nullable(),
      level: z.enum(['none', ...ALERT_LEVELS]),
      threshold: z.number().int().nullable(),
    }),
  ),
  thresholds: AlertThresholdsSchema,
  /** Where the thresholds come from (the hall's own setting). */
  thresholdsSource: LocalizedTextSchema,
  /** Central's planned outages for the hall's area (pulled in the sync cycle) as a signal. */
  plannedOutages: PlannedOutagesSignalSchema,
});
export type AlertSuggestion = z.infer<typeof AlertSuggestionSchema>;

export const alertMethods = {
  /** The alerts in force, worst first: every staff screen's banner and the guide's answers. */
  'alerts.current': { input: Empty, output: z.object({ alerts: z.array(HallAlertSchema) }) },
  /** The customer notices in force, for the kiosk and the display. */
  'alerts.notices': { input: Empty, output: z.object({ notices: z.array(CustomerNoticeSchema) }) },
  'alerts.raise': { input: AlertRaiseInputSchema, output: HallAlertSchema },
  'alerts.end': { input: IdInputSchema, output: z.object({ ended: z.literal(true) }) },
  /** A level suggested from the hall's own signals; the supervisor confirms it with alerts.raise. */
  'alerts.suggest': { input: Empty, output: AlertSuggestionSchema },
  'alerts.setThresholds': { input: AlertThresholdsSchema, output: AlertSuggestionSchema },
} as const;
