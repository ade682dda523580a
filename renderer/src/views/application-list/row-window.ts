import { useElementSize } from '@vueuse/core';
import { computed, shallowRef, type Ref } from 'vue';

/** One row drawn by the window: `key` is its slot (see `useRowWindow`), `index` its place. */
export interface DrawnRow<T> {
  key: number;
  index: number;
  row: T;
}

export interface RowWindowOptions {
  /** Every row's height in px (fixed: the window is worked out from the scroll position alone). */
  rowHeight: number;
  /** Rows drawn beyond the screen's edges, so a short scroll shows rows already drawn. */
  overscan: number;
  /** Height in px of what sits above the first row inside the scroller (a sticky header). */
  headHeight: number;
}

/** The rows [start, end) to draw, from the scroll position and the scroller's height in px. */
export function rowRange(
  scrollTop: number,
  viewport: number,
  count: number,
  { rowHeight, overscan, headHeight }: RowWindowOptions,
): { start: number; end: number } {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + viewport - headHeight) / rowHeight);
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, Math.max(0, last + overscan)),
  };
}

/**
 * A virtual list's window over rows of one fixed height: only the rows on screen (and
 * `overscan` more each side) are drawn. What it does on a scroll is kept small, because a
 * scroll step of a long list is the renderer's busiest task:
 * - the scroll handler reads only `scrollTop` (the scroller's height comes from a
 *   ResizeObserver, not from a layout read on every scroll);
 * - the drawn rows change only when the first or last index does, and a new array of the same
 *   rows (a page appended behind them) leaves them as they are;
 * - rows are keyed by their index modulo the most rows ever drawn at once, so a jump of any
 *   length gives the drawn rows new data in place (every key comes back) and a wheel notch
 *   keeps the rows still on screen and reuses only the ones that left;
 * - the drawn block is moved by a transform (`offset`) inside a box of the whole list's
 *   height (`height`), which changes only when rows are appended: no margin or height to lay
 *   out again on every step.
 * Nothing here is deep-reactive: rows are passed through as they are.
 */
export function useRowWindow<T>(rows: Ref<readonly T[]>, options: RowWindowOptions) {
  const container = shallowRef<HTMLElement | null>(null);
  const { height: viewport } = useElementSize(container);
  const scrollTop = shallowRef(0);

  const range = computed((before?: { start: number; end: number }) => {
    const next = rowRange(scrollTop.value, viewport.value, rows.value.length, options);
    return before && before.start === next.start && before.end === next.end ? before : next;
  });

  let ring = 1;
  const drawn = computed((before?: DrawnRow<T>[]): DrawnRow<T>[] => {
    const { start, end } = range.value;
    const source = rows.value;
    if (
      before &&
      before.length === end - start &&
      before.every((d, i) => d.index === start + i && d.row === source[start + i])
    ) {
      return before;
    }
    ring = Math.max(ring, end - start);
    const out: DrawnRow<T>[] = [];
    for (let i = start; i < end; i++) out.push({ key: i % ring, index: i, row: source[i] as T });
    return out;
  });

  const onScroll = () => {
    if (container.value) scrollTop.value = container.value.scrollTop;
  };

  /** Back to the first row (a new first page). */
  const scrollToTop = () => {
    if (container.value) container.value.scrollTop = 0;
    scrollTop.value = 0;
  };

  return {
    container,
    onScroll,
    drawn,
    scrollToTop,
    /** The whole list's height, px. */
    height: computed(() => rows.value.length * options.rowHeight),
    /** Where the first drawn row sits below the first row, px. */
    offset: computed(() => range.value.start * options.rowHeight),
  };
}
