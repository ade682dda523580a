import { v7 as uuidv7 } from 'uuid';
import { payloadHashOf } from '../ledger';
import type { ApplicationSubmitPayload } from '../../shared/sync/application-payload';
import type { Op } from '../../shared/sync/protocol';

/** A valid submit payload; test data only (the ID number is the domain brief's test vector). */
export function submitPayload(
  overrides: Partial<ApplicationSubmitPayload> & { hallCode: string },
): ApplicationSubmitPayload {
  const applicationId = overrides.applicationId ?? uuidv7();
  return {
    applicationId,
    appNo: `L-${applicationId.slice(-12)}`,
    typeCode: 'lv_resident_new',
    accountKind: 'lv_resident',
    fields: {
      applicantName: '测试用户',
      idNumber: '11010519491231002X',
      mobile: '13800000000',
      address: {
        province: '北京市',
        city: '北京市',
        district: '西城区',
        street: '',
        detail: '测试路1号',
      },
    },
    papers: [{ code: 'id_card', status: 'received' }],
    acceptedAt: '2026-03-02T09:30:00+08:00',
    deadlineAt: '2026-03-09T17:00:00+08:00',
    catalogueVersion: 'test-1',
    clerk: 'clerk01',
    stationCode: 'S1',
    ...overrides,
  };
}

export function opFor(
  deviceId: string,
  payload: Record<string, unknown> & { applicationId: string },
  kind: Op['kind'] = 'application.submit',
  opId: string = uuidv7(),
): Op {
  return {
    opId,
    deviceId,
    kind,
    applicationId: payload.applicationId,
    payload,
    payloadHash: payloadHashOf(payload),
  };
}
