import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodOutput } from '../../../shared/api/contract';
import type { Ticket, UndoAction } from '../../../shared/queue/schemas';
import { call } from '../api/client';

type Linked = MethodOutput<'queue.current'>['applications'];

/** How long the panel offers the undo of a no-show or transfer (the store accepts 15 s). */
export const UNDO_OFFER_MS = 8000;

/** The last no-show or transfer of this counter, while its undo is offered. */
export interface Undoable {
  action: UndoAction;
  ticketId: string;
  number: string;
  /** For a transfer: where the customer was sent. */
  toService?: string;
  until: number;
}
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
  /** Today's no-shows of this counter's services, for the recall list. */
  const noShows = ref<Ticket[]>([]);
  const undoable = ref<Undoable | null>(null);

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

  async function loadNoShows(): Promise<void> {
    try {
      const all = await call('queue.tickets', { states: ['no_show'], limit: 100 });
      noShows.value = all.filter((x) => services.value.includes(x.serviceCode));
    } catch {
      // As for the line: the banner says when the queue is unreachable.
    }
  }

  function offerUndo(action: UndoAction, t: Ticket, toService?: string): void {
    undoable.value = {
      action,
      ticketId: t.id,
      number: t.number,
      ...(toService ? { toService } : {}),
      until: Date.now() + UNDO_OFFER_MS,
    };
  }

  /** `mine`: only the signed-in account manager's customers ("call my customer"). */
  async function callNext(mine = false): Promise<void> {
    empty.value = false;
    undoable.value = null;
    const out = await run('call', () =>
      call('queue.callNext', { services: services.value, ...(mine ? { mine } : {}) }),
    );
    if (!out) return;
    ticket.value = out.ticket;
    applications.value = [];
    empty.value = out.ticket === null;
    void loadWaiting();
  }

  async function act(op: 'queue.recall' | 'queue.serve'): Promise<void> {
    const current = ticket.value;
    if (!current) return;
    const out = await run(op, () => call(op, { ticketId: current.id }));
    if (out) ticket.value = out;
  }

  async function noShow(): Promise<void> {
    const current = ticket.value;
    if (!current || current.state !== 'called') return;
    const out = await run('queue.noShow', () => call('queue.noShow', { ticketId: current.id }));
    if (!out) return;
    ticket.value = null;
    applications.value = [];
    offerUndo('noShow', out);
    void loadNoShows();
  }

  /** Takes back the last no-show or transfer; the services refuse once someone else acted. */
  async function undo(): Promise<boolean> {
    const last = undoable.value;
    if (!last) return false;
    undoable.value = null;
    const out = await run('undo', () =>
      call('queue.undo', { ticketId: last.ticketId, action: last.action }),
    );
    void loadWaiting();
    void loadNoShows();
    if (!out) return false;
    await refresh();
    return true;
  }

  /** A no-show who came back waits again with the same number and place. */
  async function requeue(id: string): Promise<Ticket | undefined> {
    const out = await run('requeue', () => call('queue.requeue', { ticketId: id }));
    void loadNoShows();
    void loadWaiting();
    return out;
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
    offerUndo('transfer', current, toService);
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
    noShows,
    undoable,
    setServices,
    refresh,
    loadWaiting,
    loadNoShows,
    callNext,
    recall: () => act('queue.recall'),
    serve: () => act('queue.serve'),
    noShow,
    undo,
    requeue,
    transfer,
    finish,
    verifyKioskDraft,
  };
});
