import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { MethodInput } from '../../../shared/api/contract';
import type {
  ComplaintDetail,
  ComplaintListQuery,
  ComplaintSummary,
} from '../../../shared/api/methods/complaints';
import type { ComplaintState } from '../../../shared/service-rules/complaints';
import { call } from '../api/client';

export interface ComplaintFilters {
  state: ComplaintState | 'open' | '';
  warning: 'yellow' | 'orange' | 'red' | 'any' | '';
  repeat: 'orange' | 'red' | '';
  sort: 'taken' | 'due';
}

function toQuery(f: ComplaintFilters): ComplaintListQuery {
  const q: ComplaintListQuery = { sort: f.sort, limit: 200 };
  if (f.state === 'open') q.open = true;
  else if (f.state) q.state = f.state;
  if (f.warning) q.warning = f.warning;
  if (f.repeat) q.repeat = f.repeat;
  return q;
}

/** The complaints list and its filters; only the newest request writes the rows. */
export const useComplaintsStore = defineStore('complaints', () => {
  const filters = reactive<ComplaintFilters>({
    state: 'open',
    warning: '',
    repeat: '',
    sort: 'due',
  });
  const rows = shallowRef<ComplaintSummary[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const result = await call('complaints.list', toQuery(filters));
      if (mine !== generation) return;
      rows.value = result.rows;
      total.value = result.total;
      error.value = null;
    } catch (err) {
      if (mine === generation) error.value = err;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Records a new complaint (throws the service's error, field by field). */
  async function take(input: MethodInput<'complaints.take'>): Promise<ComplaintDetail> {
    return call('complaints.take', input);
  }

  return { filters, rows, total, loading, error, refresh, take };
});
