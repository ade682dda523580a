import type { MethodName } from '../api/contract';

/**
 * What an unsigned caller on a staff station may call: enough to show the sign-in or first-run
 * screen. Everything else needs a session whose role the permission table allows.
 */
export const PUBLIC_METHODS: readonly MethodName[] = [
  'system.info',
  'catalogue.get',
  'auth.status',
  // Start-up: the parts an unsigned caller may see (station, auth status, system info).
  'app.bootstrap',
  'auth.setup',
  'auth.signIn',
  'auth.recover',
  'auth.signOut',
  // The first-start wizard runs before any staff account exists.
  'station.config',
  'station.setup',
];

export const isPublicMethod = (method: MethodName): boolean => PUBLIC_METHODS.includes(method);
