import { z } from 'zod';
import { nameText, textProblem } from '../api/clean-text';
import { UuidSchema } from '../api/schemas';
import { secretWeakness } from './secret-strength';

/** Staff roles that sign in; kiosk and display are station roles without accounts. */
export const STAFF_ROLES = ['counter', 'guide', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a station is: a staff station needs sign-in, a kiosk or display station never does. */
export const STATION_ROLES = ['staff', 'kiosk', 'display'] as const;
export type StationRole = (typeof STATION_ROLES)[number];

/** Staff numbers are short codes printed on badges: letters, digits and dashes. */
export const StaffNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,16}$/);

const longEnough = (s: string): boolean => /^\d{6,}$/.test(s) || s.length >= 8;

/** A password (8+ characters) or a PIN (6+ digits); the length cap keeps scrypt's input sane. */
export const SecretSchema = z.string().max(128).refine(longEnough);

/**
 * A secret being set: long enough and not trivially guessable (secret-strength.ts). Sign-in keeps
 * SecretSchema so an account set up before the rule can still sign in and change its secret.
 */
export const NewSecretSchema = SecretSchema.superRefine((s, ctx) => {
  const weak = longEnough(s) ? secretWeakness(s) : null;
  if (weak) ctx.addIssue({ code: 'custom', message: weak.en, params: weak });
});

/** The secret field may not contain the account's own staff number. */
function notStaffNo(secretKey: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const secret = v[secretKey];
    const staffNo = v.staffNo;
    if (typeof secret !== 'string' || typeof staffNo !== 'string') return;
    // Only the staff-number rule: the other weaknesses were already reported on the field.
    if (secretWeakness(secret) || !longEnough(secret)) return;
    const weak = secretWeakness(secret, staffNo);
    if (weak) ctx.addIssue({ code: 'custom', message: weak.en, path: [secretKey], params: weak });
  };
}

/**
 * What a staff member's name may hold: a person's name is letters (any script, with their
 * combining marks), digits to tell two namesakes apart, spaces and the marks names are written
 * with (· ・ . - ' ’ and brackets). Markup and other symbols (< > & " / \ = …) are refused
 * with a field error: the name is shown on every screen, slip and audit line. Only a name
 * being set is checked; names stored before the rule still sign in and show.
 */
const STAFF_NAME_CHARS = /^[\p{L}\p{M}\p{N}\p{Zs}·・.'’\-()（）]*$/u;
const STAFF_NAME_SYMBOLS = {
  zh: "只能包含文字、数字、空格和 · . - ' ( ) 等姓名用字符，不能含 < > & 等符号",
  en: "may hold only letters, digits, spaces and the marks names use (· . - ' ( )), not < > & or other symbols",
};

export const StaffNameSchema = nameText()
  .trim()
  .min(1)
  .max(40)
  .superRefine((s, ctx) => {
    // A control or invisible character already has its own error (clean-text.ts).
    if (textProblem(s, 'name') || STAFF_NAME_CHARS.test(s)) return;
    ctx.addIssue({
      code: 'custom',
      message: STAFF_NAME_SYMBOLS.en,
      params: { staffName: 'symbols', ...STAFF_NAME_SYMBOLS },
    });
  });

export const SignInInputSchema = z
  .object({ staffNo: StaffNoSchema, secret: SecretSchema })
  .strict();

export const SetupInputSchema = z
  .object({ staffNo: StaffNoSchema, name: StaffNameSchema, secret: NewSecretSchema })
  .strict()
  .superRefine(notStaffNo('secret'));

export const CreateAccountInputSchema = z
  .object({
    staffNo: StaffNoSchema,
    name: StaffNameSchema,
    role: z.enum(STAFF_ROLES),
    secret: NewSecretSchema,
  })
  .strict()
  .superRefine(notStaffNo('secret'));

export const StaffNoInputSchema = z.object({ staffNo: StaffNoSchema }).strict();

export const ResetSecretInputSchema = z
  .object({ staffNo: StaffNoSchema, secret: NewSecretSchema })
  .strict()
  .superRefine(notStaffNo('secret'));

/**
 * The supervisor's one-time recovery code as printed: 20 Crockford base32 characters in groups
 * of four. Typing is forgiving (case, spaces and dashes do not matter); see normalizeRecoveryCode.
 */
export const RecoveryCodeSchema = z
  .string()
  .max(64)
  .refine((s) => /^[0-9A-Z]{20}$/.test(normalizeRecoveryCode(s)));

/** Upper case without separators; O→0 and I/L→1 as Crockford base32 reads them. */
export const normalizeRecoveryCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

export const RecoverInputSchema = z
  .object({ staffNo: StaffNoSchema, recoveryCode: RecoveryCodeSchema, newSecret: NewSecretSchema })
  .strict()
  .superRefine(notStaffNo('newSecret'));

export const ChangeSecretInputSchema = z
  .object({ current: z.string().min(1).max(128), next: NewSecretSchema })
  .strict()
  .refine((v) => v.current !== v.next, { path: ['next'] });

export const SetDisabledInputSchema = z
  .object({ staffNo: StaffNoSchema, disabled: z.boolean() })
  .strict();

export const SetRoleInputSchema = z
  .object({ staffNo: StaffNoSchema, role: z.enum(STAFF_ROLES) })
  .strict();

/** A signed-in session as the renderer holds it; the token is shown to nobody. */
export const SessionSchema = z.object({
  token: z.string(),
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** Minutes without input before the renderer locks the screen. */
  idleLockMinutes: z.number(),
});
export type Session = z.infer<typeof SessionSchema>;

/** First run and recovery: a session plus the new one-time recovery code, shown once. */
export const SessionWithRecoverySchema = SessionSchema.extend({ recoveryCode: z.string() });
export type SessionWithRecovery = z.infer<typeof SessionWithRecoverySchema>;

export const AuthStatusSchema = z.object({
  stationRole: z.enum(STATION_ROLES),
  /** No staff account yet: the first run creates the supervisor. */
  needsSetup: z.boolean(),
  /** The caller's session, if the token it sent is valid (without the token itself). */
  staff: z.object({ staffNo: z.string(), name: z.string(), role: z.enum(STAFF_ROLES) }).nullable(),
  idleLockMinutes: z.number(),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;

export const AccountSchema = z.object({
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** Temporarily locked after repeated failures (until `lockedUntil`). */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  failedAttempts: z.number(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** Fields whose full value a permitted role may reveal (each reveal is audited). */
export const REVEALABLE_FIELDS = ['idNumber', 'mobile', 'creditCode', 'address'] as const;

export const RevealInputSchema = z
  .object({ id: UuidSchema, field: z.enum(REVEALABLE_FIELDS) })
  .strict();

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListInputSchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    beforeId: z.number().int().positive().optional(),
  })
  .strict();

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  /** The first row whose hash or link does not match, if any. */
  firstBadId: z.number().nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
