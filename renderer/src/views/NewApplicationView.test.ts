// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import type { DOMWrapper, VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE, findType } from '../../../shared/catalogue';
import { fieldsFor, papersFor } from '../../../shared/catalogue/applicability';
import type { BusinessType } from '../../../shared/catalogue/types';
import { useApplicationFormStore } from '../stores/applicationForm';
import { createMemoryService } from '../testing/memory-service';
import { installBridge, mountAt, removeBridge } from '../testing/mount-app';

const VALID_ID = '11010519491231002X';

function typeOf(code: string): BusinessType {
  const type = findType(CATALOGUE, code);
  if (!type) throw new Error(`catalogue has no ${code}`);
  return type;
}

const byTestId = (w: VueWrapper, id: string): DOMWrapper<Element> =>
  w.find(`[data-testid="${id}"]`);

/** Element Plus shows a field's error state after a short debounce (100 ms). */
async function settle() {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await flushPromises();
}

async function typeInto(w: VueWrapper, key: string, value: string) {
  const input = w.find(`[data-testid="field-${key}"] input`);
  expect(input.exists(), `input for ${key}`).toBe(true);
  await input.setValue(value);
  await settle();
}

const fieldError = (w: VueWrapper, key: string) =>
  w.find(`[data-testid="field-${key}"] .el-form-item__error`);

let service: ReturnType<typeof createMemoryService>;
let wrapper: VueWrapper | undefined;

beforeEach(() => {
  service = createMemoryService();
  installBridge(service.bridge);
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  removeBridge();
  document.body.innerHTML = '';
});

describe('the catalogue-driven intake form', () => {
  it('renders one input per catalogue field and one checklist row per paper, per account kind', async () => {
    const type = typeOf('CHG_TRANSFER');
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, `type-card-${type.code}`).trigger('click');
    await flushPromises();
    // 过户 allows several kinds: nothing is shown until the clerk picks one.
    expect(byTestId(wrapper, 'application-fields').exists()).toBe(false);

    for (const kind of type.accountKinds) {
      await byTestId(wrapper, `account-kind-${kind}`).trigger('click');
      await flushPromises();
      const defs = fieldsFor(type, kind, {});
      const rendered = wrapper
        .findAll('[data-testid^="field-"].el-form-item')
        .map((e) => e.attributes('data-testid'));
      expect(rendered).toEqual(defs.map((d) => `field-${d.key}`));
      for (const def of defs) {
        expect(byTestId(wrapper, `field-${def.key}`).find('.el-form-item__label').text()).toBe(
          def.label.zh,
        );
      }
      const papers = papersFor(type, kind, {});
      const rows = wrapper
        .findAll('[data-testid="papers"] > li')
        .map((e) => e.attributes('data-testid'));
      expect(rows).toEqual(papers.map((p) => `paper-${p.code}`));
      for (const paper of papers) {
        // 容缺 is offered only where the catalogue allows it.
        expect(byTestId(wrapper, `paper-${paper.code}-missing_accepted`).exists()).toBe(
          paper.deferrable,
        );
      }
    }
  });

  it('shows the English labels of the catalogue when the locale is English', async () => {
    const type = typeOf('NEW_LV_RES');
    ({ wrapper } = await mountAt('/new', 'en'));
    await byTestId(wrapper, `type-card-${type.code}`).trigger('click');
    await flushPromises();
    for (const def of fieldsFor(type, 'lv_resident', {})) {
      expect(byTestId(wrapper, `field-${def.key}`).find('.el-form-item__label').text()).toBe(
        def.label.en,
      );
    }
    expect(byTestId(wrapper, 'submit').text()).toBe('Submit');
  });

  it("preselects the catalogue default 本人办理 on a new form, and keeps the clerk's choice", async () => {
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_RES').trigger('click');
    await flushPromises();
    const form = useApplicationFormStore();
    expect(form.fields.agent).toBe('no');
    expect(form.input().fields.agent).toBe('no');
    form.setField('agent', 'yes');
    // Another type with the same field keeps what the clerk chose.
    form.selectType('INC_LV_RES');
    await flushPromises();
    expect(form.typeCode).toBe('INC_LV_RES');
    expect(form.fields.agent).toBe('yes');
  });

  it('an agent adds the agent fields and papers', async () => {
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_RES').trigger('click');
    await flushPromises();
    expect(byTestId(wrapper, 'field-agentIdNumber').exists()).toBe(false);
    expect(byTestId(wrapper, 'paper-AUTHORIZATION').exists()).toBe(false);
    useApplicationFormStore().setField('agent', 'yes'); // what the select emits
    await flushPromises();
    expect(byTestId(wrapper, 'field-agentIdNumber').exists()).toBe(true);
    expect(byTestId(wrapper, 'paper-AUTHORIZATION').exists()).toBe(true);
    expect(byTestId(wrapper, 'paper-AGENT_ID').exists()).toBe(true);
  });

  it('a certificate type changes the check; a GB 11714 warning shows without blocking', async () => {
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_BIZ').trigger('click');
    await flushPromises();
    const form = useApplicationFormStore();
    expect(form.fields.idType).toBe('resident_id');
    await typeInto(wrapper, 'idNumber', 'E12345678');
    expect(fieldError(wrapper, 'idNumber').text()).toMatch(/身份证/);
    form.setField('idType', 'passport'); // what the select emits
    await settle();
    expect(fieldError(wrapper, 'idNumber').exists()).toBe(false);

    // 91350100M000100Y5 + its GB 32100 check char: the organisation code's own check fails.
    await typeInto(wrapper, 'creditCode', '91350100M000100Y56');
    expect(fieldError(wrapper, 'creditCode').exists()).toBe(false);
    const warning = byTestId(wrapper, 'field-warning-creditCode');
    expect(warning.text()).toMatch(/GB 11714.*可以受理/);
    expect(warning.text()).not.toContain('统一社会信用代码：');
    expect(Object.keys(form.errors)).not.toContain('fields.creditCode');
  });

  it('a wrong ID number shows an inline error as typed, and submit never reaches the service', async () => {
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_RES').trigger('click');
    await flushPromises();
    await typeInto(wrapper, 'idNumber', '110105194912310021');
    expect(fieldError(wrapper, 'idNumber').text()).toMatch(/校验/);
    // The label is already above the input; the error under it gives only the reason.
    expect(fieldError(wrapper, 'idNumber').text()).not.toContain('申请人证件号码');

    await byTestId(wrapper, 'submit').trigger('click');
    await settle();
    expect(service.callsTo('applications.submit')).toHaveLength(0);
    // Submit mode adds the required-field errors.
    expect(fieldError(wrapper, 'applicantName').text()).toBe('必填');

    await typeInto(wrapper, 'idNumber', VALID_ID.toLowerCase());
    expect(fieldError(wrapper, 'idNumber').exists()).toBe(false);
  });

  it("puts the service's field errors on their inputs and clears each one when edited", async () => {
    ({ wrapper } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_RES').trigger('click');
    await flushPromises();
    await typeInto(wrapper, 'applicantName', '林小梅');
    await typeInto(wrapper, 'mobile', '13812345678');
    service.setExtraErrors([
      {
        field: 'fields.mobile',
        message: '联系电话（手机）：号码未通过实名核验',
        messageEn: 'Contact mobile: number failed the real-name check',
      },
    ]);
    await byTestId(wrapper, 'save-draft').trigger('click');
    await settle();
    expect(service.callsTo('applications.saveDraft')).toHaveLength(1);
    expect(fieldError(wrapper, 'mobile').text()).toBe('号码未通过实名核验');

    await typeInto(wrapper, 'mobile', '13812345679');
    expect(fieldError(wrapper, 'mobile').exists()).toBe(false);
  });

  it('saves a draft with trimmed values only, and reopens it with every value back', async () => {
    let router;
    ({ wrapper, router } = await mountAt('/new'));
    await byTestId(wrapper, 'type-card-NEW_LV_RES').trigger('click');
    await flushPromises();
    await typeInto(wrapper, 'applicantName', '  林小梅 ');
    await typeInto(wrapper, 'idNumber', VALID_ID);
    // The region comes from the cascader (its list is driven in e2e/region-pinyin.spec.ts);
    // here it is set as the cascader sets it, and the detail is typed.
    const address = {
      province: '福建省',
      city: '福州市',
      district: '鼓楼区',
      street: '',
      detail: '东街1号',
      regionCode: '350102',
    };
    useApplicationFormStore().setField('address', { ...address, detail: '' });
    await flushPromises();
    await wrapper.find('[data-testid="field-address-detail"]').setValue(address.detail);
    await byTestId(wrapper, 'paper-ID_CARD-received').find('input').setValue(true);
    await flushPromises();
    await byTestId(wrapper, 'save-draft').trigger('click');
    await settle();

    const [call] = service.callsTo('applications.saveDraft');
    expect(call?.input).toMatchObject({
      typeCode: 'NEW_LV_RES',
      accountKind: 'lv_resident',
      fields: {
        applicantName: '林小梅',
        idType: 'resident_id',
        idNumber: VALID_ID,
        address,
        agent: 'no',
      },
      papers: [{ code: 'ID_CARD', status: 'received' }],
    });
    // Blank inputs are not sent at all (agent and the certificate type are the catalogue's
    // preselected defaults); the optional property proof is "not needed".
    expect(Object.keys((call?.input as { fields: object }).fields)).toHaveLength(5);
    const [draft] = [...service.saved.values()];
    expect(router.currentRoute.value.path).toBe(`/drafts/${draft!.id}`);

    // A fresh start, then the draft reopened from its address.
    useApplicationFormStore().reset();
    await router.push('/new');
    await router.push(`/drafts/${draft!.id}`);
    await flushPromises();
    expect(service.callsTo('applications.openDraft')).toHaveLength(1);
    const name = wrapper.find('[data-testid="field-applicantName"] input')
      .element as HTMLInputElement;
    expect(name.value).toBe('林小梅');
    const detail = wrapper.find('[data-testid="field-address-detail"]').element as HTMLInputElement;
    expect(detail.value).toBe('东街1号');
    expect(useApplicationFormStore().fields.address).toMatchObject({ regionCode: '350102' });
    expect(byTestId(wrapper, 'paper-ID_CARD').attributes('data-status')).toBe('received');
    expect(byTestId(wrapper, 'form-title').text()).toContain('正在编辑草稿');
  });
});
