import { describe, expect, it } from 'vitest';
import { nextTick, shallowRef } from 'vue';
import { rowRange, useRowWindow } from './row-window';

const OPTIONS = { rowHeight: 44, overscan: 4, headHeight: 44 };

describe('the list window', () => {
  it('draws the rows on screen under the sticky header, and the overscan each side', () => {
    // 700 px of scroller: 44 px of header, then 656 px of rows (15 of them, the last in part).
    expect(rowRange(0, 700, 100_000, OPTIONS)).toEqual({ start: 0, end: 15 + 4 });
    // Scrolled by 100 rows: row 100 is the first under the header.
    expect(rowRange(4400, 700, 100_000, OPTIONS)).toEqual({ start: 96, end: 115 + 4 });
    // Half a row further: row 100 is still partly on screen.
    expect(rowRange(4422, 700, 100_000, OPTIONS)).toEqual({ start: 96, end: 120 });
  });

  it('never draws past the rows there are', () => {
    expect(rowRange(0, 700, 3, OPTIONS)).toEqual({ start: 0, end: 3 });
    expect(rowRange(99_990 * 44, 700, 100_000, OPTIONS)).toEqual({ start: 99_986, end: 100_000 });
    expect(rowRange(0, 700, 0, OPTIONS)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the same drawn rows when a page is appended behind them, keyed by slot', async () => {
    const rows = shallowRef(Array.from({ length: 100 }, (_, i) => ({ n: i })));
    const window = useRowWindow(rows, OPTIONS);
    const first = window.drawn.value;
    // No scroller measured yet (height 0): the overscan less the header's row.
    expect(first.map((d) => d.index)).toEqual([0, 1, 2]);
    rows.value = [...rows.value, ...Array.from({ length: 100 }, (_, i) => ({ n: 100 + i }))];
    await nextTick();
    expect(window.drawn.value).toBe(first);
    // A new first page: the same places, other rows, drawn anew.
    rows.value = Array.from({ length: 100 }, (_, i) => ({ n: 1000 - i }));
    expect(window.drawn.value).not.toBe(first);
    expect(window.drawn.value.map((d) => d.row.n)).toEqual([1000, 999, 998]);
    expect(window.drawn.value.map((d) => d.key)).toEqual([0, 1, 2]);
    expect(window.height.value).toBe(100 * 44);
  });
});
