import { readFileSync } from 'node:fs';

/**
 * The build label for the About dialog from out/build-info.json (written by
 * scripts/build-node.mjs): `<commit> · <build time>`, or `development` when run from sources.
 */
export function readBuildLabel(file: string): string {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as {
      commit?: unknown;
      builtAt?: unknown;
    };
    const parts = [info.commit, info.builtAt].filter(
      (p): p is string => typeof p === 'string' && p.length > 0,
    );
    return parts.length > 0 ? parts.join(' · ') : 'development';
  } catch {
    return 'development';
  }
}
