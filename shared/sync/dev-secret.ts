/**
 * Registration secret of the reference central system for development, demos and tests only.
 * A real hall sets HALL_REGISTRATION_SECRET to the one its utility issued.
 */
export const DEV_REGISTRATION_SECRET = 'dev-registration-secret';
