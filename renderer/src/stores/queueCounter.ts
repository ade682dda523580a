import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodOutput } from '../../../shared/api/contract';
import type { Ticket } from '../../../shared/queue/schemas';
import { call } from '../api/client';

type Linked = MethodOutput<'queue.current'>['applications'];
const SERVICES_KEY = 'hall.counter.services';

function savedServices(): string[] {
  try {
    const raw = localStorage.getItem(SERVICES_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The counter's calling panel: which services it calls, the ticket it holds, the applications
 * taken for it here, and the waiting line. The services choice is kept per workstation.
 */
export const useQueueCounterStore = defineStore('queueCounter', () => {
  const services = ref<string[]>(savedServices());
  const ticket = ref<Ticket | null>(null);
  const applications = ref<Linked>([]);
  const waiting = ref<Ticket[]>([]);
  const busy = ref<string | null>(null);
  const error = ref<unknown>(null);
  /** Set after "call next" found nobody waiting. */
  const empty = ref(false);

  function setServices(codes: string[]): void {
    services.value = codes;
    localStorage.setItem(SERVICES_KEY, JSON.stringify(codes));
  }

  async function run<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = what;
    error.value = null;
    try {
      return await fn();
    } catch (err) {
      error.value = err;
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  async function refresh(): Promise<void> {
    await run('refresh', async () => {
      const out = await call('queue.current', {});
      ticket.value = out.ticket;
      applications.value = out.applications;
    });
  }

  async function loadWaiting(): Promise<void> {
    try {
      waiting.value = await call('queue.tickets', { states: ['issued'], limit: 50 });
    } catch {
      // The line is a convenience: the banner already says when the queue is unreachable.
    }
  }

  async function callNext(): Promise<void> {
    empty.value = false;
    const out = await run('call', () => call('queue.callNext', { services: services.value }));
    if (!out) return;
    ticket.value = out.ticket;
    applications.value = [];
    empty.value = out.ticket === null;
    void loadWaiting();
  }

  async function act(op: 'queue.recall' | 'queue.serve' | 'queue.noShow'): Promise<void> {
    const current = ticket.value;
    if (!current) return;
    const out = await run(op, () => call(op, { ticketId: current.id }));
    if (out) ticket.value = op === 'queue.noShow' ? null : out;
  }

  async function transfer(toService: string): Promise<boolean> {
    const current = ticket.value;
    if (!current) return false;
    const out = await run('transfer', () =>
      call('queue.transfer', { ticketId: current.id, toService }),
    );
    if (!out) return false;
    ticket.value = null;
    applications.value = [];
    void loadWaiting();
    return true;
  }

  async function finish(servicesDone: string[]): Promise<Ticket | undefined> {
    const current = ticket.value;
    if (!current) return undefined;
    const out = await run('finish', () =>
      call('queue.finish', { ticketId: current.id, servicesDone }),
    );
    if (out) {
      ticket.value = null;
      applications.value = [];
    }
    return out;
  }

  async function verifyKioskDraft(): Promise<string | undefined> {
    const current = ticket.value;
    if (!current) return undefined;
    const out = await run('verify', () => call('queue.verifyKioskDraft', { ticketId: current.id }));
    return out?.applicationId;
  }

  return {
    services,
    ticket,
    applications,
    waiting,
    busy,
    error,
    empty,
    setServices,
    refresh,
    loadWaiting,
    callNext,
    recall: () => act('queue.recall'),
    serve: () => act('queue.serve'),
    noShow: () => act('queue.noShow'),
    transfer,
    finish,
    verifyKioskDraft,
  };
});
