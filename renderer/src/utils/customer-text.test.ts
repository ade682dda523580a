import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONTENT } from '../../../shared/queue/kiosk';
import { forCustomers, withoutReviewMarks } from './customer-text';

describe('customer text', () => {
  it('drops review marks in either script', () => {
    expect(withoutReviewMarks('sample-2026.1 (confirm)')).toBe('sample-2026.1');
    expect(withoutReviewMarks('上限160千瓦（待确认）')).toBe('上限160千瓦');
    expect(withoutReviewMarks('confirmed figure')).toBe('confirmed figure');
  });
  it('leaves no mark anywhere in the kiosk content, and keeps everything else', () => {
    const marked = {
      ...DEFAULT_KIOSK_CONTENT,
      version: `${DEFAULT_KIOSK_CONTENT.version} (confirm)`,
    };
    const shown = forCustomers(marked);
    expect(JSON.stringify(shown)).not.toMatch(/confirm/i);
    expect(shown.tariffs).toHaveLength(DEFAULT_KIOSK_CONTENT.tariffs.length);
    expect(shown.version).toBe(DEFAULT_KIOSK_CONTENT.version);
  });
});
