import { z } from 'zod';
import { IsoTimeSchema, UuidSchema } from '../schemas';

const Empty = z.object({}).strict();

/** Why a customer is on the sensitive list (敏感工单). */
export const SENSITIVE_REASONS = ['repeat', 'billing', 'open_complaint'] as const;
export type SensitiveReason = (typeof SENSITIVE_REASONS)[number];

/** Who acts next on a listed customer: their account manager, the complaint's assignee, or the supervisor. */
export const NEXT_ACTOR_KINDS = ['manager', 'assignee', 'supervisor'] as const;

export const SensitiveRowSchema = z.object({
  customerId: UuidSchema,
  name: z.string(),
  /** The certificate number, masked. */
  certNo: z.string(),
  reasons: z.array(z.enum(SENSITIVE_REASONS)),
  /** Contacts on the busiest matter within the repeat window (applications or complaints). */
  repeatCount: z.number().int(),
  billingDisputes: z.number().int(),
  openComplaints: z.number().int(),
  /** Whole days the oldest open complaint has waited (0 with none open). */
  oldestOpenDays: z.number().int(),
  lastContactAt: IsoTimeSchema.nullable(),
  score: z.number().int(),
  nextActor: z.object({ kind: z.enum(NEXT_ACTOR_KINDS), staffNo: z.string().nullable() }),
  /** Whether the customer carries the 敏感客户 tag already (else the screen suggests it). */
  tagged: z.boolean(),
});
export type SensitiveRow = z.infer<typeof SensitiveRowSchema>;

export const sensitiveMethods = {
  /** The supervisor's list, highest score first, with the rule set's repeat window. */
  'sensitive.list': {
    input: Empty,
    output: z.object({
      rows: z.array(SensitiveRowSchema),
      windowDays: z.number().int(),
      repeatAt: z.number().int(),
    }),
  },
  /** Only the flag for the customer at the desk (guide and counter see nothing else). */
  'sensitive.flag': {
    input: z.object({ customerId: UuidSchema }).strict(),
    output: z.object({ listed: z.boolean(), reasons: z.array(z.enum(SENSITIVE_REASONS)) }),
  },
} as const;
