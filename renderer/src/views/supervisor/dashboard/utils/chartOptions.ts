import type { Dashboard } from '../../../../../../shared/api/methods/dashboard';
import type { QueueMeasures } from '../../../../stores/dashboard';
import { TOOLTIP, WARNING_COLOURS } from './charts';

type Translate = (key: string) => string;

/** ECharts options for the dashboard's charts, built from the figures (no state here). */

export function byTypeOption(rows: Dashboard['byType'], typeName: (code: string) => string) {
  const reversed = [...rows].reverse();
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: reversed.map((r) => typeName(r.typeCode)) },
    series: [{ type: 'bar', data: reversed.map((r) => r.count), itemStyle: { color: '#409eff' } }],
  };
}

export function byDayOption(rows: Dashboard['byDay']) {
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', smooth: true, areaStyle: {}, data: rows.map((r) => r.count) }],
  };
}

export function attainmentOption(a: Dashboard['attainment'], t: Translate) {
  return {
    tooltip: { ...TOOLTIP, trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: [
          {
            name: t('dashboard.onTime'),
            value: a.onTime,
            itemStyle: { color: WARNING_COLOURS.none },
          },
          {
            name: t('dashboard.late'),
            value: a.late,
            itemStyle: { color: WARNING_COLOURS.orange },
          },
          {
            name: t('dashboard.overdueOpen'),
            value: a.overdueOpen,
            itemStyle: { color: WARNING_COLOURS.red },
          },
          { name: t('dashboard.pending'), value: a.pending, itemStyle: { color: '#c0c4cc' } },
        ],
      },
    ],
  };
}

export function warningsOption(w: Dashboard['warnings'], t: Translate) {
  const levels = ['red', 'orange', 'yellow', 'none'] as const;
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: levels.map((l) => t(`warning.${l}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: levels.map((l) => ({ value: w[l] ?? 0, itemStyle: { color: WARNING_COLOURS[l] } })),
      },
    ],
  };
}

export function satisfactionOption(r: QueueMeasures['ratings'], t: Translate) {
  return {
    tooltip: { ...TOOLTIP, trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: '65%',
        center: ['50%', '45%'],
        label: { show: false },
        data: [
          {
            name: t('dashboard.ratings.verySatisfied'),
            value: r.verySatisfied,
            itemStyle: { color: '#67c23a' },
          },
          {
            name: t('dashboard.ratings.satisfied'),
            value: r.satisfied,
            itemStyle: { color: '#95d475' },
          },
          {
            name: t('dashboard.ratings.dissatisfied'),
            value: r.dissatisfied,
            itemStyle: { color: '#d03050' },
          },
        ],
      },
    ],
  };
}
