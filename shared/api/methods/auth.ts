import { z } from 'zod';
import {
  AccountSchema,
  AuditEntrySchema,
  AuditListInputSchema,
  AuditVerifySchema,
  AuthStatusSchema,
  CreateAccountInputSchema,
  ResetSecretInputSchema,
  RevealInputSchema,
  SessionSchema,
  SetupInputSchema,
  SignInInputSchema,
  StaffNoInputSchema,
} from '../../auth/schemas';
import { Empty } from './core';

/** Staff sign-in, accounts, audited reveal and the audit trail: issue "staff sign-in". */
export const authMethods = {
  'auth.status': { input: Empty, output: AuthStatusSchema },
  /** First run only: creates the supervisor account and signs it in. */
  'auth.setup': { input: SetupInputSchema, output: SessionSchema },
  'auth.signIn': { input: SignInInputSchema, output: SessionSchema },
  'auth.signOut': { input: Empty, output: z.object({ signedOut: z.boolean() }) },
  'auth.accounts': { input: Empty, output: z.array(AccountSchema) },
  'auth.createAccount': { input: CreateAccountInputSchema, output: AccountSchema },
  'auth.unlockAccount': { input: StaffNoInputSchema, output: AccountSchema },
  'auth.resetSecret': { input: ResetSecretInputSchema, output: AccountSchema },
  /** The full value of one personal field, for roles allowed to see it; always audited. */
  'applications.reveal': { input: RevealInputSchema, output: z.object({ value: z.string() }) },
  'audit.list': { input: AuditListInputSchema, output: z.array(AuditEntrySchema) },
  'audit.verify': { input: Empty, output: AuditVerifySchema },
} as const;
