import type { CallContext } from '../../../../shared/api/dispatcher';
import type { MethodName } from '../../../../shared/api/contract';
import { isAllowed } from '../../../../shared/api/permissions';
import { isPublicMethod } from '../../../../shared/auth/public-methods';
import type { StationRole } from '../../../../shared/auth/schemas';
import { roleForbidden, signInRequired } from './errors';
import type { SessionStaff } from './sessions';

export interface GateDeps {
  stationRole: StationRole;
  resolveSession: (token: string) => SessionStaff | null;
}

/**
 * The dispatcher's `authorize`: who is calling, and may that role call this method? A kiosk or
 * display station's callers are that station role, signed in or not; on a staff station the
 * session decides, and an unsigned caller reaches only the sign-in methods.
 */
export function createGate({ stationRole, resolveSession }: GateDeps) {
  return (method: MethodName, ctx: CallContext): CallContext => {
    if (stationRole !== 'staff') {
      if (!isAllowed(stationRole, method)) throw roleForbidden();
      return { transport: ctx.transport, actor: stationRole, role: stationRole };
    }
    const staff = ctx.session ? resolveSession(ctx.session) : null;
    if (!staff) {
      if (!isPublicMethod(method)) throw signInRequired();
      return {
        transport: ctx.transport,
        actor: 'anonymous',
        ...(ctx.session ? { session: ctx.session } : {}),
      };
    }
    if (!isAllowed(staff.role, method)) throw roleForbidden();
    return {
      transport: ctx.transport,
      actor: staff.staffNo,
      role: staff.role,
      session: ctx.session,
    };
  };
}
