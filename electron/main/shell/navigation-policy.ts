/** The app is served from this origin inside Electron; nothing else may be navigated to. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hall';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for a page of the console itself; every other URL is refused. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/** In-app navigation (hash routes, reloads) is fine; leaving the app is not. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

/** No new windows at all: the console opens none, and links out are refused. */
export const windowOpenDecision = (_url: string): { action: 'deny' } => ({ action: 'deny' });

/** Permission requests (camera, geolocation, notifications, ...) are all refused. */
export const isPermissionAllowed = (_permission: string): boolean => false;

/** IPC answers only the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
