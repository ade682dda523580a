import { ElMessage } from 'element-plus';
import { onMounted, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ReportName } from '../../../../../../shared/api/methods/dashboard';
import { FAMILY_LABELS, type BusinessFamily } from '../../../../../../shared/catalogue';
import {
  COMPLAINT_SUBJECT_LABELS,
  type ComplaintSubject,
} from '../../../../../../shared/service-rules/complaints';
import { useLocalized } from '../../../../composables/useLocalized';
import { useCatalogueStore } from '../../../../stores/catalogue';
import { useDashboardStore } from '../../../../stores/dashboard';
import { errorText } from '../../../../utils/errors';

/** The figures load when the page opens and again whenever the date range changes. */
export function useDashboardPage(): void {
  const store = useDashboardStore();
  onMounted(() => void store.refresh());
  watch(
    () => store.range,
    () => void store.refresh(),
  );
}

/** Exports one report for the chosen range as a download, with a message either way. */
export function useReportExport() {
  const { t } = useI18n();
  const { isZh } = useLocalized();
  const store = useDashboardStore();
  return async function exportReport(report: ReportName, format: 'csv' | 'xlsx'): Promise<void> {
    const [from, to] = store.range;
    try {
      const file = await store.exportReport({
        report,
        format,
        lang: isZh.value ? 'zh' : 'en',
        filters: { from, to },
      });
      ElMessage.success(t('dashboard.exported', { file: file.filename, rows: file.rows }));
    } catch (err) {
      ElMessage.error(errorText(err, isZh.value));
    }
  };
}

/** How the dashboard writes names, shares and durations. */
export function useDashboardLabels() {
  const { t } = useI18n();
  const { pick } = useLocalized();
  const catalogue = useCatalogueStore();
  const typeName = (code: string) => {
    const type = catalogue.findType(code);
    return type ? pick(type.name) : code;
  };
  const pct = (part: number, whole: number) =>
    whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`;
  const minutes = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : t('dashboard.minutes', { n: Math.round(v * 10) / 10 });
  const matterName = (kind: string, matter: string) =>
    kind === 'application'
      ? pick(FAMILY_LABELS[matter as BusinessFamily] ?? { zh: matter, en: matter })
      : pick(COMPLAINT_SUBJECT_LABELS[matter as ComplaintSubject] ?? { zh: matter, en: matter });
  return { typeName, pct, minutes, matterName };
}
