// Tree-shaken ECharts: only the charts and components the dashboard draws, on the canvas
// renderer (it styles through the CSSOM, which the strict CSP allows).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * Tooltips drawn on the canvas: the HTML tooltip writes inline style attributes into its
 * markup, which the CSP (style-src 'self') refuses.
 */
export const TOOLTIP = { renderMode: 'richText' as const, confine: true };

export const WARNING_COLOURS = {
  red: '#d03050',
  orange: '#e6820e',
  yellow: '#e6c20e',
  none: '#67c23a',
} as const;
