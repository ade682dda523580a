import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * The built renderer's files, each answered as one buffer read from disk. @hono/node-server's
 * serveStatic streams every file through a web ReadableStream, which cost the host ~90 ms of CPU
 * for the page's ~1.2 MB of scripts on every cold start (bench/README.md, wave 7) while the page
 * waited for them; the files are small enough to read whole.
 *
 * GET and HEAD only; a path that is not a file under `root` (a client route such as
 * `/applications`, or a folder) gets `fallback` (index.html) when given, else goes on to the next
 * handler. Paths with `..`, `//`, a backslash or a percent escape are never looked up.
 */
export function staticFiles(root: string, options: { fallback?: string } = {}): MiddlewareHandler {
  const base = root.endsWith(sep) ? root : root + sep;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const found = (await fileUnder(base, c.req.path)) ?? (await fallbackFile(base, options));
    if (!found) return next();
    c.header('Content-Type', getMimeType(found.path) ?? 'application/octet-stream');
    c.header('Last-Modified', found.mtime.toUTCString());
    if (c.req.method === 'HEAD') {
      c.header('Content-Length', String(found.size));
      return c.body(null, 200);
    }
    return c.body(await readFile(found.path), 200);
  };
}

interface FoundFile {
  path: string;
  size: number;
  mtime: Date;
}

/** Unsafe or odd paths are not looked up at all (as serveStatic refused them). */
const UNSAFE_PATH = /(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\|%|\0/;

async function fileUnder(base: string, urlPath: string): Promise<FoundFile | null> {
  if (UNSAFE_PATH.test(urlPath)) return null;
  const relative = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  return regularFile(join(base, relative), base);
}

async function fallbackFile(base: string, options: { fallback?: string }) {
  return options.fallback ? regularFile(join(base, options.fallback), base) : null;
}

async function regularFile(path: string, base: string): Promise<FoundFile | null> {
  if (!path.startsWith(base)) return null;
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtime: s.mtime } : null;
  } catch {
    return null;
  }
}
