import type { Page } from '@playwright/test';

/**
 * The controls a clerk works with on a screen's bars (search boxes, selects, date ranges,
 * buttons, check boxes), outermost only: a clear button inside an input is part of the input.
 * Rows of tables are left out: they scroll under their headers by design.
 */
const CONTROLS = [
  '.el-input',
  '.el-select',
  '.el-date-editor',
  '.el-input-number',
  '.el-button',
  '.el-checkbox',
  '.el-radio-group',
  '.el-switch',
  '.el-segmented',
].join(', ');
const LEFT_OUT = '.el-table, .el-dialog, .el-drawer, .el-popper, .el-overlay';

export interface ControlClash {
  /** 'overlap' when two controls share pixels; 'cut' when one reaches past the window's edge. */
  kind: 'overlap' | 'cut';
  controls: string[];
}

/**
 * Every pair of visible controls whose boxes intersect (by more than half a pixel, for
 * rounding), and every control cut by the window's right or left edge. Read in one pass
 * inside the page so nothing moves between two measurements.
 */
export async function controlClashes(page: Page): Promise<ControlClash[]> {
  return page.evaluate(
    ({ controls, leftOut }) => {
      const name = (el: Element): string => {
        const id =
          el.getAttribute('data-testid') ??
          el.querySelector('[data-testid]')?.getAttribute('data-testid');
        const text = (el as HTMLElement).innerText?.trim().slice(0, 20) ?? '';
        const placeholder = el.querySelector('input')?.getAttribute('placeholder') ?? '';
        return `${el.className.toString().split(' ')[0]}${id ? `[${id}]` : ''} "${text || placeholder}"`;
      };
      const boxes = [...document.querySelectorAll(controls)]
        .filter((el) => el instanceof HTMLElement && el.checkVisibility())
        .filter((el) => !el.parentElement?.closest(controls) && !el.closest(leftOut))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      const clashes: { kind: 'overlap' | 'cut'; controls: string[] }[] = [];
      const slack = 0.5;
      for (let i = 0; i < boxes.length; i += 1) {
        const a = boxes[i]!;
        if (a.r.left < -slack || a.r.right > window.innerWidth + slack) {
          clashes.push({ kind: 'cut', controls: [name(a.el)] });
        }
        for (let j = i + 1; j < boxes.length; j += 1) {
          const b = boxes[j]!;
          const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (across > slack && down > slack) {
            clashes.push({ kind: 'overlap', controls: [name(a.el), name(b.el)] });
          }
        }
      }
      return clashes;
    },
    { controls: CONTROLS, leftOut: LEFT_OUT },
  );
}
