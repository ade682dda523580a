import { randomBytes } from 'node:crypto';
import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';

export interface TrustOptions {
  registrationSecret?: string | undefined;
  allowDevelopmentSecret?: boolean | undefined;
  adminToken?: string | undefined;
}

/** The shortest admin token central accepts from its configuration. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * How a central system trusts its callers: which shared secret (if any) registers a device, and
 * the admin token. The development secret is refused unless demo mode allows it, so a real hall's
 * central cannot run with a secret everyone knows.
 */
export function centralTrust(opts: TrustOptions): {
  registrationSecret: string | undefined;
  adminToken: string;
} {
  const secret =
    opts.registrationSecret ?? (opts.allowDevelopmentSecret ? DEV_REGISTRATION_SECRET : undefined);
  if (secret !== undefined && !opts.allowDevelopmentSecret) {
    throw new Error(
      '共用注册口令只能在演示模式下使用，设备须用登记码登记 (a shared registration secret is only allowed in demo mode; devices enrol with one-time codes)',
    );
  }
  if (opts.adminToken !== undefined && opts.adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `管理口令至少 ${MIN_ADMIN_TOKEN_LENGTH} 个字符 (the admin token needs at least ${MIN_ADMIN_TOKEN_LENGTH} characters)`,
    );
  }
  return {
    registrationSecret: secret,
    adminToken: opts.adminToken ?? randomBytes(24).toString('base64url'),
  };
}

/**
 * What the central process (central/main.ts) is started with, from its flags and environment:
 * outside demo mode it needs its own admin token and accepts no shared registration secret.
 * Returns the options, or the one line that says why it refuses to start.
 */
export function centralTrustFromEnv(
  env: Record<string, string | undefined>,
  demo: boolean,
): { ok: true; options: TrustOptions } | { ok: false; problem: string } {
  const adminToken = env.CENTRAL_ADMIN_TOKEN || undefined;
  const secret = env.CENTRAL_REGISTRATION_SECRET || undefined;
  if (!demo && !adminToken) {
    return {
      ok: false,
      problem:
        '未设置 CENTRAL_ADMIN_TOKEN，中心系统拒绝启动（仅演示模式 --demo 可不设）' +
        ' (CENTRAL_ADMIN_TOKEN is not set: central refuses to start outside demo mode, --demo)',
    };
  }
  if (!demo && secret) {
    return {
      ok: false,
      problem:
        'CENTRAL_REGISTRATION_SECRET 仅用于演示模式；设备须用管理员签发的登记码登记' +
        ' (CENTRAL_REGISTRATION_SECRET is for demo mode only: devices enrol with codes from POST /admin/enrolments)',
    };
  }
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    return {
      ok: false,
      problem: `CENTRAL_ADMIN_TOKEN 至少 ${MIN_ADMIN_TOKEN_LENGTH} 个字符 (CENTRAL_ADMIN_TOKEN needs at least ${MIN_ADMIN_TOKEN_LENGTH} characters)`,
    };
  }
  return {
    ok: true,
    options: {
      ...(adminToken ? { adminToken } : {}),
      ...(secret ? { registrationSecret: secret } : {}),
      allowDevelopmentSecret: demo,
    },
  };
}
