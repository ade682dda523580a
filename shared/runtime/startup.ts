/**
 * What a host process (web host, central) says when it cannot start: pure functions, so the
 * entries, `npm start` and the tests share one wording. No Node built-ins here (shared layer).
 */

/** The Node release the project runs on (package.json `engines`; better-sqlite3 needs it). */
export const REQUIRED_NODE = '22.12';

function parts(version: string): [number, number] {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor];
}

/** A one-line explanation when `version` is older than REQUIRED_NODE, null when it will do. */
export function nodeVersionProblem(version: string, required = REQUIRED_NODE): string | null {
  const [major, minor] = parts(version);
  const [needMajor, needMinor] = parts(required);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `需要 Node.js ≥ ${required}，当前为 ${version.replace(/^v/, '')} ` +
    `(Node.js ${required} or newer is needed, this is ${version.replace(/^v/, '')}): ` +
    'run through npm (npm start, npm run webhost, npm run central) to use the bundled Node 22.'
  );
}

/** One line for a listen error that has a plain cause (port taken, not allowed), else null. */
export function listenProblem(err: unknown, port: number | string, setting: string): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `端口 ${port} 已被占用 (port ${port} is already in use): stop the program using it or choose another port with ${setting}.`;
  }
  if (code === 'EACCES') {
    return `没有权限使用端口 ${port} (not allowed to listen on port ${port}): choose a port above 1024 with ${setting}.`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `本机没有这个地址 (address not available on this machine) for port ${port}: check the host setting.`;
  }
  return null;
}

/**
 * The one line for an error the services raise to refuse a start on purpose (they mark it
 * `refusal: true` and word it for the operator, in Chinese and English), else null: a stack
 * trace is for the unexpected only, and a refusal exits with code 2 instead of a crash loop.
 */
export function startupRefusal(err: unknown): string | null {
  if (err instanceof Error && (err as { refusal?: unknown }).refusal === true) return err.message;
  return null;
}
