import { readFileSync } from 'node:fs';

/** Small helpers shared by the benchmark scripts. */

/** Value at quantile q (0..1) of already-collected samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const ms = (n: number): string => `${n.toFixed(n < 10 ? 3 : 1)} ms`;

/** `--name value` or `--name=value` from argv. */
export function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export const now = (): number => performance.now();

/**
 * CPU time (user + system) a running process has used so far, from /proc (Linux), in ms; in
 * steps of the kernel's clock tick (10 ms). NaN where /proc is not there.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return NaN;
  }
}

const CLOCK_TICKS_PER_S = 100;
