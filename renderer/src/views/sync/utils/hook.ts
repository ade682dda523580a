import { ElMessage } from 'element-plus';
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useLocalized } from '../../../composables/useLocalized';
import { useCatalogueStore } from '../../../stores/catalogue';
import { useSyncStore } from '../../../stores/sync';
import { errorText } from '../../../utils/errors';
import { formatDateTime } from '../../../utils/format';

/** The order of the terms in "created = acknowledged + dead + conflict + pending + discarded". */
export const COUNT_KEYS = ['acknowledged', 'dead', 'conflict', 'pending', 'discarded'] as const;

/** A runaway value (what got it rejected, often) is shortened, never shown whole. */
export const clip = (text: string) =>
  text.length > 40 ? `${text.slice(0, 24)}…${text.slice(-8)}` : text;

/**
 * While the sync page is open: the shared status follows pushed events, the lists load once, and they
 * load again whenever the counts it brings change (a new dead letter, a conflict
 * resolved elsewhere).
 */
export function useSyncPage(): void {
  const sync = useSyncStore();
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = sync.startFollowing();
    void sync.loadLists();
  });
  onBeforeUnmount(() => stop?.());
  watch(
    () => {
      const c = sync.status?.counts;
      return c ? `${c.dead}/${c.conflict}/${c.discarded}` : '';
    },
    (now, before) => {
      if (before !== undefined && now !== before) void sync.loadLists();
    },
  );
}

/** Names the sync page shows for codes: business types, fields, times. */
export function useSyncLabels() {
  const { t, te } = useI18n();
  const { pick } = useLocalized();
  const catalogue = useCatalogueStore();

  const when = (iso: string | null | undefined) => formatDateTime(iso) || t('sync.none');
  const typeName = (code: string) => {
    const type = catalogue.findType(code);
    return type ? pick(type.name) : code;
  };
  const fieldLabel = (typeCode: string, path: string | null): string => {
    if (!path) return t('sync.none');
    const key = path.startsWith('fields.') ? path.split('.')[1] : undefined;
    if (key) {
      const def = catalogue.findType(typeCode)?.fields.find((f) => f.key === key);
      if (def) return pick(def.label);
    }
    const meta = `sync.meta.${path}`;
    return te(meta) ? t(meta) : path;
  };
  /**
   * What a refused operation is about: an application (its number, its type, correctable) or a
   * hall record travelling in the same outbox (a service request, an alert, a customer record),
   * named by its kind and linked to the screen that lists it.
   */
  const subjectOf = (kind: string, typeCode: string) => {
    const family = kind.split('.')[0] ?? '';
    if (family === 'application') return { application: true, label: typeName(typeCode), to: null };
    const key = te(`sync.opKinds.${kind}`) ? `sync.opKinds.${kind}` : `sync.opFamilies.${family}`;
    const to = { request: '/requests', alert: '/hall-alerts', customer: '/customers' }[family];
    return {
      application: false,
      label: te(key) ? t(key) : t('sync.opFamilies.other'),
      to: to ?? null,
    };
  };
  return { when, typeName, fieldLabel, subjectOf };
}

/** Runs one sync action: a success message when given, the service's message on failure. */
export function useSyncAction() {
  const { isZh } = useLocalized();
  const sync = useSyncStore();
  async function run(action: () => Promise<void>, done?: string): Promise<boolean> {
    try {
      await action();
      if (done) ElMessage.success(done);
      return true;
    } catch (err) {
      ElMessage.error(errorText(err, isZh.value));
      return false;
    }
  }
  const busy = (name: string) => sync.busy === name;
  return { run, busy };
}
