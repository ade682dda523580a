import type { CentralStore } from './store/work';

/**
 * Probes for a service manager or load balancer, answered before the app (and its faults):
 * - `/healthz`: the process is up and serving (liveness);
 * - `/readyz`: it takes work: the database answers and no shutdown has begun (readiness).
 */
export interface HealthProbe {
  store: CentralStore;
  draining: () => boolean;
}

export const HEALTH_PATHS = ['/healthz', '/readyz'] as const;

export async function healthResponse(path: string, probe: HealthProbe): Promise<Response | null> {
  if (path === '/healthz') return Response.json({ status: 'ok' });
  if (path !== '/readyz') return null;
  if (probe.draining()) {
    return Response.json({ status: 'draining', reason: 'shutting down' }, { status: 503 });
  }
  try {
    await probe.store.ping();
  } catch {
    return Response.json({ status: 'unavailable', reason: 'database' }, { status: 503 });
  }
  return Response.json({ status: 'ready' });
}
