import type { Bootstrap } from '../../../shared/api/methods/app';
import { call } from './client';

/**
 * The start-up call, sent as soon as the entry chunk starts running (main.ts imports this
 * first), so the services answer while the rest of the app's modules are still evaluated.
 * Taken once by the bootstrap store; a failure there asks again.
 */
let early: Promise<Bootstrap> | null = null;

export function startEarlyBootstrap(): void {
  early = call('app.bootstrap', {});
  early.catch(() => undefined); // looked at when taken
}

export function takeEarlyBootstrap(): Promise<Bootstrap> | null {
  const taken = early;
  early = null;
  return taken;
}
