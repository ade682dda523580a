import { z } from 'zod';
import { t, type LocalizedText } from '../text';

/** The guided self-service demo on the utility's app (网上国网), in the order it is shown. */
export const SELF_SERVICE_STEPS = [
  'register',
  'realName',
  'bindAccount',
  'pay',
  'apply',
  'track',
] as const;
export type SelfServiceStep = (typeof SELF_SERVICE_STEPS)[number];

export const SELF_SERVICE_LABELS: Record<SelfServiceStep, LocalizedText> = {
  register: t('注册账号', 'Register'),
  realName: t('实名认证', 'Real-name verification'),
  bindAccount: t('绑定户号', 'Bind the account number'),
  pay: t('交费', 'Pay'),
  apply: t('网上办电', 'Apply online'),
  track: t('查询进度', 'Track progress'),
};

export const ChecklistInputSchema = z.object({
  /** Absent for a new record. */
  id: z.uuid().optional(),
  /** How the guide tells customers apart: a ticket number or a short description, no ID numbers. */
  customer: z.string().trim().min(1).max(40),
  ticketNumber: z.string().trim().max(16).optional(),
  steps: z.record(z.enum(SELF_SERVICE_STEPS), z.boolean()),
  note: z.string().max(500).default(''),
});
export type ChecklistInput = z.input<typeof ChecklistInputSchema>;

export const ChecklistSchema = z.object({
  id: z.uuid(),
  customer: z.string(),
  ticketNumber: z.string().nullable(),
  steps: z.record(z.string(), z.boolean()),
  note: z.string(),
  guide: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
