import type { Authorize, CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { authMethods } from '../../../../shared/api/methods/auth';
import type { Database } from '../db';
import { createAuditTrail, type AuditRecord, type AuditTrail } from '../audit/trail';
import { createGate } from './gate';
import { byOf, createAuthHandlers } from './handlers';
import { createAuthService, type AuthOptions, type AuthService } from './service';

export interface AuthArea {
  handlers: HandlersFor<typeof authMethods>;
  /** The dispatcher's gate, when enforcement is on. */
  authorize: Authorize | undefined;
  /** Append an audit row for a print or export done by the calling staff member. */
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  audit: AuditTrail;
  auth: AuthService;
}

/** Builds the sign-in and audit area for createServices. */
export function createAuthArea(db: Database, now: () => Date, options: AuthOptions): AuthArea {
  const audit = createAuditTrail({ db, now });
  const auth = createAuthService({ db, audit, now, options });
  const gate = createGate({
    stationRole: auth.stationRole,
    resolveSession: auth.resolveSession,
  });
  return {
    handlers: createAuthHandlers({ auth, audit, db }),
    // On by default: only a caller that says `enforce: false` runs without the gate.
    authorize: options.enforce === false ? undefined : gate,
    record: (ctx, record) => audit.append({ ...byOf(ctx), ...record }),
    audit,
    auth,
  };
}
