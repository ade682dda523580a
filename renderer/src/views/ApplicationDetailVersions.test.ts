// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../shared/api/schemas';
import { createMemoryService } from '../testing/memory-service';
import { installBridge, mountAt, removeBridge } from '../testing/mount-app';

/**
 * The detail page names the business catalogue version the application was taken under, with
 * its own label: the commitment panel's version is the service rule set's, a different thing.
 */
const ID = '0190b6a0-0000-7000-8000-000000000042';
const taken: ApplicationDetail = {
  id: ID,
  appNo: 'C01202612010001',
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  state: 'acknowledged',
  applicantName: '林*东',
  phoneMasked: '138****8000',
  idMasked: '3501**********1234',
  accountNo: '',
  createdAt: '2026-12-01T02:00:00.000Z',
  acceptedAt: '2026-12-01T02:00:00.000Z',
  deadlineAt: '2026-12-08T09:30:00.000Z',
  centralNo: null,
  centralStage: 'ARCHIVE',
  fields: {},
  papers: [],
  version: 1,
  catalogueVersion: '2026.2',
  clerk: 'c01',
  ticketId: null,
  history: [],
};

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  removeBridge();
  document.body.innerHTML = '';
});

describe('the application detail page', () => {
  it.each([
    ['zh-CN', '业务目录版本'],
    ['en', 'Business catalogue version'],
  ] as const)('shows the catalogue version taken under, labelled (%s)', async (locale, label) => {
    const service = createMemoryService();
    service.saved.set(ID, taken);
    installBridge(service.bridge);
    ({ wrapper } = await mountAt(`/applications/${ID}`, locale));
    const value = wrapper.find('[data-testid="detail-catalogue-version"]');
    expect(value.exists()).toBe(true);
    expect(value.text()).toBe('2026.2');
    const item = value.element.closest('td');
    expect(item?.previousElementSibling?.textContent?.trim()).toBe(label);
    // Archived: the deadline shows 已归档, no countdown.
    const deadline = wrapper.find('[data-testid="detail-deadline"]');
    expect(deadline.attributes('data-warning')).toBe('closed');
  });
});
