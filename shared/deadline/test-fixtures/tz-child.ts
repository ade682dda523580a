// Prints deadlines computed in whatever TZ this process runs in; the parent compares them.
import { computeDeadline, isWorkingDay } from '../index';

const accepted = [
  '2025-09-27T10:00:00+08:00',
  '2025-09-30T10:00:00+08:00',
  '2026-02-13T09:00:00+08:00',
  '2025-09-30T23:30:00Z',
];
const out = {
  deadlines: accepted.map((a) => computeDeadline(new Date(a), 5).toISOString()),
  working: ['2025-09-28', '2025-10-01', '2026-02-14', '2026-02-23'].map(isWorkingDay),
};
console.log(JSON.stringify(out));
