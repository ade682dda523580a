import type { App, Session, WebContents } from 'electron';
import { isAllowedNavigation, isPermissionAllowed, windowOpenDecision } from './navigation-policy';

/** Applies the security baseline's handlers to every web contents the app ever creates. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
