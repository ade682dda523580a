import { z } from 'zod';
import { CalendarYearSchema } from '../../deadline/calendar-year';
import { ServiceRuleSetSchema } from '../../service-rules/schema';
import { IdInputSchema, IsoTimeSchema, UuidSchema } from '../schemas';
import { Empty } from './core';
import { RepeatInfoSchema, WarningLevelSchema } from './complaints';

export const WarningThresholdsSchema = z
  .object({
    orangeWorkingDays: z.number().int().min(0).max(10),
    yellowWorkingDays: z.number().int().min(0).max(20),
  })
  .refine((t) => t.yellowWorkingDays >= t.orangeWorkingDays, {
    message: 'yellow must not come after orange',
    path: ['yellowWorkingDays'],
  });

/** What every screen needs to compute deadlines and warnings itself (in the browser's clock). */
export const ServiceSettingsSchema = z.object({
  warnings: WarningThresholdsSchema,
  workingHours: z.object({ start: z.string(), end: z.string() }),
  /** Holiday notices loaded on top of the bundled calendar data. */
  calendarYears: z.array(CalendarYearSchema),
  bundledCalendarLastYear: z.number().int(),
  /** Every rule set known, oldest first (the bundled ones and any loaded). */
  ruleSets: z.array(ServiceRuleSetSchema),
  /** Who added each version after this build, and when (from the settings log). */
  ruleSetAudit: z
    .array(z.object({ version: z.string(), at: IsoTimeSchema, actor: z.string() }))
    .default([]),
});
export type ServiceSettings = z.infer<typeof ServiceSettingsSchema>;

export const DateRangeSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

export const OverdueRowSchema = z.object({
  id: UuidSchema,
  appNo: z.string(),
  typeCode: z.string(),
  applicantName: z.string(),
  phoneMasked: z.string(),
  acceptedAt: IsoTimeSchema,
  deadlineAt: IsoTimeSchema,
  centralStage: z.string().nullable(),
  overdueHours: z.number().int(),
});
export type OverdueRow = z.infer<typeof OverdueRowSchema>;

export const DashboardSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  generatedAt: IsoTimeSchema,
  /** Applications accepted in the range, by type and by hall day (every day listed). */
  byType: z.array(z.object({ typeCode: z.string(), count: z.number().int() })),
  byDay: z.array(z.object({ day: z.iso.date(), count: z.number().int() })),
  /**
   * Deadline attainment of the applications accepted in the range. Decided = closed (central
   * stage 归档) or past its deadline: closed by the deadline (onTime), closed after it (late),
   * still open past it (overdueOpen). Pending = open and not yet due.
   * rate = onTime / decided, null when nothing is decided yet.
   */
  attainment: z.object({
    decided: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    overdueOpen: z.number().int(),
    pending: z.number().int(),
    rate: z.number().nullable(),
  }),
  /** Open applications (any acceptance date) by warning level now. */
  warnings: z.object({
    red: z.number().int(),
    orange: z.number().int(),
    yellow: z.number().int(),
    none: z.number().int(),
  }),
  /** Open applications past their deadline, most overdue first (at most 500). */
  overdue: z.array(OverdueRowSchema),
  overdueTotal: z.number().int(),
  complaints: z.object({
    taken: z.number().int(),
    open: z.number().int(),
    overdueOpen: z.number().int(),
    contactInTime: z.number().int(),
    contacted: z.number().int(),
    answerInTime: z.number().int(),
    answered: z.number().int(),
    repeatRed: z.number().int(),
    visitResults: z.object({
      satisfied: z.number().int(),
      basically_satisfied: z.number().int(),
      dissatisfied: z.number().int(),
    }),
  }),
  /** Requests beside applications taken in the range (issue 17); withdrawn: consents withdrawn. */
  requests: z.object({
    fault: z.number().int(),
    subscription: z.number().int(),
    enquiry: z.number().int(),
    /** 客户信息更新 taken through the customer record. */
    customerUpdate: z.number().int(),
    withdrawn: z.number().int(),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const REPORTS = [
  'applications',
  'byType',
  'byDay',
  'overdue',
  'complaints',
  'repeats',
  'waits',
] as const;
export type ReportName = (typeof REPORTS)[number];

export const ExportInputSchema = z.object({
  report: z.enum(REPORTS),
  format: z.enum(['csv', 'xlsx']),
  /** Column headings in this language. */
  lang: z.enum(['zh', 'en']).default('zh'),
  filters: DateRangeSchema.partial().default({}),
});
export type ExportInput = z.input<typeof ExportInputSchema>;

export const ExportFileSchema = z.object({
  filename: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  rows: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export const ApplicationServiceInfoSchema = z.object({
  ruleVersion: z.string(),
  workingDays: z.number().int(),
  deadlineAt: IsoTimeSchema.nullable(),
  /**
   * A second, whole-process limit where the type has one (低压非居民: 15 working days in all,
   * 1479号, beside the utility's own 6): counted from acceptance under the same rule set.
   */
  whole: z
    .object({ workingDays: z.number().int(), deadlineAt: IsoTimeSchema, provisional: z.boolean() })
    .nullable()
    .default(null),
  /** The central stage it is in, with that stage's own limit when it has one. */
  stage: z
    .object({ code: z.string(), startedAt: IsoTimeSchema, deadlineAt: IsoTimeSchema.nullable() })
    .nullable(),
  /** The earlier of the process and stage deadlines: what the warning is computed from. */
  currentDeadlineAt: IsoTimeSchema.nullable(),
  closed: z.boolean(),
  warning: WarningLevelSchema,
  repeat: RepeatInfoSchema,
});
export type ApplicationServiceInfo = z.infer<typeof ApplicationServiceInfoSchema>;

/** Supervisor: settings for deadlines and warnings, the dashboard, exports (issue 5). */
export const dashboardMethods = {
  'settings.get': { input: Empty, output: ServiceSettingsSchema },
  'settings.setWarnings': { input: WarningThresholdsSchema, output: ServiceSettingsSchema },
  /** A newer year's holiday notice (from the State Council notice or the central system). */
  'settings.loadCalendarYear': { input: CalendarYearSchema, output: ServiceSettingsSchema },
  'settings.saveRuleSet': { input: ServiceRuleSetSchema, output: ServiceSettingsSchema },
  'dashboard.get': { input: DateRangeSchema, output: DashboardSchema },
  /** Any dashboard table as CSV (UTF-8 with BOM) or xlsx; every export is logged. */
  'reports.export': { input: ExportInputSchema, output: ExportFileSchema },
  /** Deadlines (process and stage), warning and repeat contacts of one application. */
  'applications.serviceInfo': { input: IdInputSchema, output: ApplicationServiceInfoSchema },
} as const;
