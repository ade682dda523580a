import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';

export interface EnrolmentConfig {
  /** The one-time code an admin issued for this station (station config; HALL_ENROLMENT_CODE). */
  enrolmentCode?: string | undefined;
  /** A shared registration secret: demo mode only. */
  registrationSecret?: string | undefined;
  /** Demo mode (npm start with its own local central system): the development secret is allowed. */
  demo?: boolean | undefined;
}

/** Thrown when a station would talk to a central system without a way to enrol it may use. */
export class EnrolmentConfigError extends Error {
  readonly refusal = true;
  constructor() {
    super(
      '连接中心系统需要登记码（HALL_ENROLMENT_CODE）；开发口令仅在演示模式下可用' +
        ' (a central system needs this station’s enrolment code, HALL_ENROLMENT_CODE;' +
        ' the development secret works only in demo mode)',
    );
    this.name = 'EnrolmentConfigError';
  }
}

/**
 * How the station enrols: its code when it has one; otherwise, in demo mode only, the
 * development secret (or the shared one given). Outside demo mode a station without a code
 * refuses to start rather than present a secret everyone knows.
 */
export function resolveEnrolment(config: EnrolmentConfig): {
  enrolmentCode?: string;
  registrationSecret?: string;
} {
  const code = config.enrolmentCode?.trim();
  if (code) return { enrolmentCode: code.toUpperCase() };
  if (!config.demo) throw new EnrolmentConfigError();
  return { registrationSecret: config.registrationSecret || DEV_REGISTRATION_SECRET };
}

/** Whether the station enrols with the development secret (diagnostics say so). */
export const usesDevelopmentSecret = (resolved: { registrationSecret?: string }): boolean =>
  resolved.registrationSecret === DEV_REGISTRATION_SECRET;
