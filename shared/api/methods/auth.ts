import { z } from 'zod';
import {
  AccountSchema,
  AuditEntrySchema,
  AuditListInputSchema,
  AuditVerifySchema,
  AuthStatusSchema,
  ChangeSecretInputSchema,
  CreateAccountInputSchema,
  RecoverInputSchema,
  ResetSecretInputSchema,
  RevealInputSchema,
  SessionSchema,
  SessionWithRecoverySchema,
  SetDisabledInputSchema,
  SetRoleInputSchema,
  SetupInputSchema,
  SignInInputSchema,
  StaffNoInputSchema,
} from '../../auth/schemas';
import { Empty } from './core';

/** Staff sign-in, accounts, audited reveal and the audit trail: issue "staff sign-in". */
export const authMethods = {
  'auth.status': { input: Empty, output: AuthStatusSchema },
  /** First run only: creates the supervisor, signs it in and issues its one-time recovery code. */
  'auth.setup': { input: SetupInputSchema, output: SessionWithRecoverySchema },
  /** A supervisor's recovery code unlocks the account and sets a new secret; a new code follows. */
  'auth.recover': { input: RecoverInputSchema, output: SessionWithRecoverySchema },
  /** The signed-in staff member's own secret. */
  'auth.changeSecret': {
    input: ChangeSecretInputSchema,
    output: z.object({ changed: z.literal(true) }),
  },
  'auth.signIn': { input: SignInInputSchema, output: SessionSchema },
  'auth.signOut': { input: Empty, output: z.object({ signedOut: z.boolean() }) },
  'auth.accounts': { input: Empty, output: z.array(AccountSchema) },
  'auth.createAccount': { input: CreateAccountInputSchema, output: AccountSchema },
  'auth.unlockAccount': { input: StaffNoInputSchema, output: AccountSchema },
  'auth.resetSecret': { input: ResetSecretInputSchema, output: AccountSchema },
  'auth.setDisabled': { input: SetDisabledInputSchema, output: AccountSchema },
  'auth.setRole': { input: SetRoleInputSchema, output: AccountSchema },
  /** The full value of one personal field, for roles allowed to see it; always audited. */
  'applications.reveal': { input: RevealInputSchema, output: z.object({ value: z.string() }) },
  'audit.list': { input: AuditListInputSchema, output: z.array(AuditEntrySchema) },
  'audit.verify': { input: Empty, output: AuditVerifySchema },
} as const;
