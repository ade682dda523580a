import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { authMethods } from '../../../../shared/api/methods/auth';
import type { Database } from '../db';
import type { AuditTrail } from '../audit/trail';
import { createRevealer } from './reveal';
import type { AuthService } from './service';

export interface AuthHandlerDeps {
  auth: AuthService;
  audit: AuditTrail;
  db: Database;
}

/** Who did it, for the audit trail (the role is absent only when enforcement is off). */
export const byOf = (ctx: CallContext) => ({ actor: ctx.actor, role: ctx.role ?? 'unchecked' });

export function createAuthHandlers({
  auth,
  audit,
  db,
}: AuthHandlerDeps): HandlersFor<typeof authMethods> {
  const reveal = createRevealer(db, audit);
  return {
    'auth.status': (_input, ctx) => {
      const staff =
        auth.stationRole === 'staff' && ctx.session ? auth.resolveSession(ctx.session) : null;
      return {
        stationRole: auth.stationRole,
        needsSetup: auth.stationRole === 'staff' && auth.needsSetup(),
        staff,
        idleLockMinutes: auth.idleLockMinutes,
      };
    },
    'auth.setup': (input) => auth.setup(input.staffNo, input.name, input.secret),
    'auth.signIn': (input) => auth.signIn(input.staffNo, input.secret),
    'auth.recover': (input) => auth.recover(input.staffNo, input.recoveryCode, input.newSecret),
    'auth.changeSecret': (input, ctx) => auth.changeSecret(ctx.session, input.current, input.next),
    'auth.signOut': (_input, ctx) => ({ signedOut: auth.signOut(ctx.session) }),
    'auth.accounts': () => auth.listAccounts(),
    'auth.createAccount': (input, ctx) => auth.createAccount(byOf(ctx), input),
    'auth.unlockAccount': (input, ctx) => auth.unlockAccount(byOf(ctx), input.staffNo),
    'auth.resetSecret': (input, ctx) => auth.resetSecret(byOf(ctx), input.staffNo, input.secret),
    'auth.setDisabled': (input, ctx) => auth.setDisabled(byOf(ctx), input.staffNo, input.disabled),
    'auth.setRole': (input, ctx) => auth.setRole(byOf(ctx), input.staffNo, input.role),
    'applications.reveal': (input, ctx) => reveal(byOf(ctx), input.id, input.field),
    'audit.list': (input) => audit.list(input.limit, input.beforeId),
    'audit.verify': () => audit.verify(),
  };
}
