import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import { DEFAULT_QUEUE_CONFIG } from '../../../shared/queue/defaults';
import type { Board, QueueConfig } from '../../../shared/queue/schemas';
import { call } from '../api/client';

export type QueueStatus = MethodOutput<'queue.status'>;
export type StationInfo = MethodOutput<'station.get'>;

/**
 * The hall queue as every screen sees it: its configuration (services, prefixes), the link's
 * health, and the board (last calls, waiting per service). The screens that show the board read
 * it when the services push `queue.changed`; an error keeps the last board and says the shared
 * queue is unreachable.
 */
export const useQueueStore = defineStore('queue', () => {
  const config = ref<QueueConfig>(DEFAULT_QUEUE_CONFIG);
  const configFresh = ref(false);
  const status = ref<QueueStatus | null>(null);
  const board = ref<Board | null>(null);
  const boardError = ref<unknown>(null);
  /** What this station is (kiosk timings among it); null until read or when unreadable. */
  const station = ref<StationInfo | null>(null);

  const services = computed(() => config.value.services);
  const serviceName = (code: string) => config.value.services.find((s) => s.code === code)?.name;

  async function loadConfig(): Promise<void> {
    try {
      const out = await call('queue.config', {});
      config.value = out.config;
      configFresh.value = out.fresh;
    } catch {
      configFresh.value = false;
    }
  }

  /** The hall's queue settings as the services hold them now (throws the service's error). */
  async function fetchConfig(): Promise<QueueConfig> {
    const out = await call('queue.config', {});
    config.value = out.config;
    configFresh.value = out.fresh;
    return out.config;
  }

  /** The supervisor's change to the hall's queue settings (throws the service's error). */
  async function saveConfig(next: QueueConfig): Promise<QueueConfig> {
    const saved = await call('queue.saveConfig', { config: next });
    config.value = saved;
    configFresh.value = true;
    return saved;
  }

  async function loadStatus(): Promise<void> {
    try {
      status.value = await call('queue.status', {});
    } catch {
      status.value = null;
    }
  }

  async function loadBoard(limit = 8): Promise<void> {
    try {
      board.value = await call('queue.board', { limit });
      boardError.value = null;
    } catch (err) {
      boardError.value = err;
    }
  }

  /** A board the services pushed with `queue.changed`: shown without asking again. */
  function applyBoard(pushed: Board): void {
    board.value = pushed;
    boardError.value = null;
  }

  async function loadStation(): Promise<void> {
    try {
      station.value = await call('station.get', {});
    } catch {
      // Callers keep their defaults (the kiosk still wipes itself).
      station.value = null;
    }
  }

  /** Wait, service and no-show figures for a range of hall days (throws the service's error). */
  function measures(range: MethodInput<'queue.measures'>): Promise<MethodOutput<'queue.measures'>> {
    return call('queue.measures', range);
  }

  /** Offline means: configured but the last call failed, or no central system at all. */
  const offline = computed(() => status.value !== null && !status.value.online);

  return {
    config,
    configFresh,
    status,
    board,
    boardError,
    station,
    services,
    serviceName,
    offline,
    loadConfig,
    fetchConfig,
    saveConfig,
    loadStatus,
    loadBoard,
    applyBoard,
    loadStation,
    measures,
  };
});
