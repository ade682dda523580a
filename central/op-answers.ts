import { hash } from 'node:crypto';
import type { DeviceIdentity } from './auth';
import { canonicalJson } from '../shared/sync/canonical-json';
import type { CentralRecord, OpResult, ReasonCode } from '../shared/sync/protocol';
import { FIRST_STAGE } from '../shared/catalogue/stages';
import type { FieldCipher } from '../electron/main/services/crypto';
import { APPLICATION_PAYLOAD_CONTEXT, openPayload } from './sealed-payloads';

/** What the ledger answers an operation with, and the application row it answers from. */

/** One-shot `hash`: no Hash object per operation (about half the CPU of createHash here). */
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

export const payloadHashOf = (payload: unknown): string => sha256Hex(canonicalJson(payload));

/** Fixed reason texts: codes and field paths only, never a value from the payload. */
const REASONS: Record<ReasonCode, { zh: string; en: string }> = {
  INVALID_OP: { zh: '操作格式不正确', en: 'The operation is malformed' },
  INVALID_PAYLOAD: { zh: '申请内容未通过校验', en: 'The application content failed validation' },
  HASH_MISMATCH: { zh: '内容摘要与内容不符', en: 'The payload hash does not match the payload' },
  OP_ID_REUSED: {
    zh: '操作编号已用于其他内容',
    en: 'The operation id was already used with another payload',
  },
  DEVICE_MISMATCH: { zh: '操作的设备与凭证不符', en: 'The operation names another device' },
  HALL_MISMATCH: { zh: '申请所属营业厅与设备不符', en: 'The application belongs to another hall' },
  UNKNOWN_APPLICATION: { zh: '中心没有该申请', en: 'The central system has no such application' },
  APPLICATION_EXISTS: {
    zh: '中心已有该申请且内容不同',
    en: 'The central system already holds this application with other content',
  },
  BASE_MISMATCH: {
    zh: '中心记录已被修改，请核对后再提交',
    en: 'The central record changed since this edit was based on it',
  },
};

export const refuse = (
  opId: string,
  status: 'rejected' | 'conflict',
  reasonCode: ReasonCode,
  extra: Partial<OpResult> = {},
): OpResult => ({ opId, status, reasonCode, reason: REASONS[reasonCode], ...extra });

export interface AppRow {
  application_id: string;
  central_no: string;
  hall_code: string;
  /** Sealed (sealed-payloads.ts); plain only in a row an older central wrote, until start-up seals it. */
  payload: string;
  payload_hash: string;
  version: number;
  last_op_id: string;
  stages: string;
  stage_index: number;
}

/** The answer to an operation that took effect (or had already). */
export function answer(opId: string, status: 'applied' | 'duplicate', app: AppRow): OpResult {
  const stages = JSON.parse(app.stages) as string[];
  return {
    opId,
    status,
    centralNo: app.central_no,
    centralVersion: app.version,
    stage: stages[app.stage_index] ?? FIRST_STAGE,
  };
}

/** The central record a conflict carries; the payload (opened) only for the device's own hall. */
export function record(app: AppRow, device: DeviceIdentity, cipher: FieldCipher): CentralRecord {
  const stages = JSON.parse(app.stages) as string[];
  return {
    applicationId: app.application_id,
    centralNo: app.central_no,
    version: app.version,
    payloadHash: app.payload_hash,
    stage: stages[app.stage_index] ?? FIRST_STAGE,
    ...(app.hall_code === device.hallCode
      ? {
          payload: JSON.parse(
            openPayload(cipher, app.payload, APPLICATION_PAYLOAD_CONTEXT),
          ) as Record<string, unknown>,
        }
      : {}),
  };
}
