import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { ApplicationSummary, ListQuery, LocalState } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { PAGE_SIZE } from './list-page-size';

export { PAGE_SIZE };

export interface ListFilters {
  typeCode: string;
  state: LocalState | '';
  /** [from, to] as YYYY-MM-DD, or null for any date. */
  dates: [string, string] | null;
  q: string;
  /** 红橙黄: only open applications at this warning level; closed: only finished ones ('' = all). */
  warning: 'yellow' | 'orange' | 'red' | 'any' | 'closed' | '';
  /** Soonest deadline first instead of newest first. */
  byDeadline: boolean;
}

function toQuery(filters: ListFilters, offset: number): ListQuery {
  const query: ListQuery = { offset, limit: PAGE_SIZE };
  if (filters.typeCode) query.typeCode = filters.typeCode;
  if (filters.state) query.state = filters.state;
  if (filters.dates) [query.from, query.to] = filters.dates;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.warning) query.warning = filters.warning;
  if (filters.byDeadline) query.sort = 'deadline';
  return query;
}

/**
 * The applications list: filters, and rows fetched a page at a time as the table scrolls.
 * Only the newest request may write the rows, so fast typing never shows stale results.
 */
export const useApplicationListStore = defineStore('applicationList', () => {
  const filters = reactive<ListFilters>({
    typeCode: '',
    state: '',
    dates: null,
    q: '',
    warning: '',
    byDeadline: false,
  });
  const rows = shallowRef<ApplicationSummary[]>([]);
  const total = ref(0);
  /** `total` is a lower bound: the service stops counting at a cap to stay fast. */
  const totalIsLowerBound = ref(false);
  /** Another page may follow (the last one came back full). */
  const more = ref(false);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let generation = 0;

  async function fetchPage(offset: number): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const result = await call('applications.list', toQuery(filters, offset));
      if (mine !== generation) return;
      rows.value = offset === 0 ? result.rows : [...rows.value, ...result.rows];
      total.value = result.total;
      totalIsLowerBound.value = result.more;
      more.value = result.rows.length === PAGE_SIZE;
      error.value = null;
    } catch (err) {
      if (mine === generation) error.value = err;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const refresh = () => fetchPage(0);

  async function loadMore(): Promise<void> {
    if (loading.value || !more.value) return;
    await fetchPage(rows.value.length);
  }

  return { filters, rows, total, totalIsLowerBound, more, loading, error, refresh, loadMore };
});
