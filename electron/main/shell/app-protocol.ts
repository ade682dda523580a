import { net, protocol } from 'electron';
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from './navigation-policy';

/** Must run before `app.whenReady()`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk; paths outside its folder are refused. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = resolve(
      root,
      '.' + decodeURIComponent(pathname === '/' ? '/index.html' : pathname),
    );
    if (file !== root && !file.startsWith(root + sep)) {
      return new Response('Forbidden', { status: 403 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
