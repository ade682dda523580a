import { z } from 'zod';
import type { ServiceRuleSet } from './types';
import { RULE_SET_FIGURES } from './types';

const Text = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const Days = z.number().int().min(0).max(400);
const StageLimit = z.object({ stage: z.string().min(1).max(40), workingDays: Days });
const Condition = z.object({ field: z.string().max(64), oneOf: z.array(z.string().max(64)) });
const SourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    document: z.string().min(1).max(200),
    article: z.string().min(1).max(200),
    en: z.string().min(1).max(400).optional(),
    note: Text.optional(),
  }),
  z.object({ kind: z.literal('hall'), note: Text }),
]);
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const WorkingHoursSchema = z
  .object({ start: HHMM, end: HHMM })
  .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] });
export const RuleSetWarningsSchema = z
  .object({
    orangeWorkingDays: z.number().int().min(0).max(10),
    yellowWorkingDays: z.number().int().min(0).max(20),
  })
  .refine((t) => t.yellowWorkingDays >= t.orangeWorkingDays, {
    message: 'yellow must not come after orange',
    path: ['yellowWorkingDays'],
  });

const DeadlineRuleSchema = z.object({
  workingDays: Days,
  scope: z.enum(['whole', 'utility']),
  basis: Text,
  source: SourceSchema.optional(),
  stages: z.array(StageLimit).max(30).optional(),
  stagesSource: SourceSchema.optional(),
  whole: z.object({ workingDays: Days, basis: Text, source: SourceSchema.optional() }).optional(),
  variants: z
    .array(
      z.object({
        when: Condition,
        workingDays: Days,
        basis: Text,
        source: SourceSchema.optional(),
        stages: z.array(StageLimit).max(30).optional(),
      }),
    )
    .max(10)
    .optional(),
});

/** A rule set as loaded from settings or the central system: checked before it is used. */
export const ServiceRuleSetSchema = z.object({
  version: z.string().min(1).max(40),
  effectiveFrom: z.iso.date(),
  basis: Text,
  types: z.record(z.string().max(64), DeadlineRuleSchema),
  complaints: z.object({
    contactHours: z.number().int().min(1).max(240),
    answerWorkingDays: Days,
    visitWorkingDays: Days,
  }),
  repeat: z
    .object({
      windowDays: z.number().int().min(1).max(3660),
      orangeAt: z.number().int().min(2).max(20),
      redAt: z.number().int().min(2).max(20),
    })
    .refine((r) => r.redAt >= r.orangeAt, { message: 'redAt must not be below orangeAt' }),
  workingHours: WorkingHoursSchema.optional(),
  warnings: RuleSetWarningsSchema.optional(),
  sources: z.partialRecord(z.enum(RULE_SET_FIGURES), SourceSchema).optional(),
}) satisfies z.ZodType<ServiceRuleSet>;
