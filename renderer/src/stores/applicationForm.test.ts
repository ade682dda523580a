// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallBridge } from '../api/bridge';
import { createMemoryService } from '../testing/memory-service';
import { installBridge, removeBridge } from '../testing/mount-app';
import { useApplicationFormStore } from './applicationForm';
import { useCatalogueStore } from './catalogue';

const VALID_ID = '11010519491231002X';

/** The memory service behind a bridge that loses the answer of the first submit it carries. */
function losingFirstSubmit() {
  const service = createMemoryService();
  let lost = false;
  const bridge: HallBridge = {
    invoke: async (method, input, session) => {
      const answer = await service.bridge.invoke(method, input, session);
      if (method === 'applications.submit' && !lost) {
        lost = true;
        // Done on the service side, but the reply never arrives.
        throw new Error('connection reset');
      }
      return answer;
    },
  };
  return { service, bridge };
}

async function filledForm() {
  await useCatalogueStore().load();
  const form = useApplicationFormStore();
  form.selectType('NEW_LV_RES');
  form.setAccountKind('lv_resident');
  form.setField('applicantName', '林小梅');
  form.setField('idNumber', VALID_ID);
  form.setField('mobile', '13812345678');
  form.setField('requestedKva', 8);
  form.setField('phases', '1');
  form.setField('address', {
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '粤海街道',
    detail: '东街1号',
  });
  for (const paper of form.visiblePapers) form.setPaper(paper.code, 'received');
  return form;
}

let net: ReturnType<typeof losingFirstSubmit>;
beforeEach(() => {
  setActivePinia(createPinia());
  net = losingFirstSubmit();
  installBridge(net.bridge);
});
afterEach(() => removeBridge());

const idsSent = (method: string) =>
  net.service.callsTo(method).map((c) => (c.input as { id?: string }).id);

describe("the form's client id", () => {
  it('is a UUIDv7 made when the form opens, and a fresh one after reset', () => {
    const form = useApplicationFormStore();
    expect(isUuid(form.clientId)).toBe(true);
    expect(uuidVersion(form.clientId)).toBe(7);
    expect(form.id).toBeUndefined();
    const first = form.clientId;
    form.reset();
    expect(form.clientId).not.toBe(first);
    expect(uuidVersion(form.clientId)).toBe(7);
  });

  it('goes with the first save of a new form, and the saved draft keeps it', async () => {
    const form = await filledForm();
    const opened = form.clientId;
    const detail = await form.saveDraft();
    expect(idsSent('applications.saveDraft')).toEqual([opened]);
    expect(detail.id).toBe(opened);
    expect(form.id).toBe(opened);
  });

  it('a submit retried after a lost answer carries the same id as the first try', async () => {
    const form = await filledForm();
    form.submitTried = true;
    expect(form.errors).toEqual({});
    await expect(form.submit()).rejects.toThrow();
    const detail = await form.submit();
    expect(detail?.state).toBe('queued');
    const sent = idsSent('applications.submit');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(form.id);
    expect(sent[1]).toBe(sent[0]);
    // One application on the service side, under the id the form opened with.
    expect([...net.service.saved.keys()]).toEqual([sent[0]]);
  });

  it('a new form after a submit sends a new id', async () => {
    const form = await filledForm();
    await expect(form.submit()).rejects.toThrow();
    await form.submit();
    const first = form.id;
    form.reset();
    const next = await filledForm();
    await next.saveDraft();
    expect(idsSent('applications.saveDraft')).toHaveLength(1);
    expect(idsSent('applications.saveDraft')[0]).not.toBe(first);
  });
});
