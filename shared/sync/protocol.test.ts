import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  ChangesQuerySchema,
  OP_STATUSES,
  OpSchema,
  REASON_CODES,
  SYNC_ERROR_CODES,
  SYNC_OP_KINDS,
  httpStatusOfResult,
} from './protocol';
import { CHANGE_STAGES, HV_STAGES, STAGE_CODES, defaultStages } from '../catalogue/stages';

describe('sync protocol schemas', () => {
  it('coerces and bounds the change-feed query', () => {
    expect(ChangesQuerySchema.parse({ since: '42', limit: '10' })).toEqual({
      since: 42,
      limit: 10,
    });
    expect(ChangesQuerySchema.parse({})).toEqual({ since: 0, limit: 200 });
    expect(ChangesQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
    expect(ChangesQuerySchema.safeParse({ since: '-1' }).success).toBe(false);
  });

  it('requires a lower-case sha256 payload hash on an operation', () => {
    const op = {
      opId: '0190a6a0-0000-7000-8000-000000000001',
      deviceId: '0190a6a0-0000-7000-8000-000000000002',
      kind: 'application.submit',
      applicationId: '0190a6a0-0000-7000-8000-000000000003',
      payload: {},
      payloadHash: 'a'.repeat(64),
    };
    expect(OpSchema.safeParse(op).success).toBe(true);
    expect(OpSchema.safeParse({ ...op, payloadHash: 'A'.repeat(64) }).success).toBe(false);
    expect(OpSchema.safeParse({ ...op, kind: 'application.delete' }).success).toBe(false);
  });

  it('maps outcomes onto HTTP statuses for the single-operation endpoint', () => {
    expect(OP_STATUSES.map(httpStatusOfResult)).toEqual([201, 200, 422, 409]);
  });

  it('chooses stage lists by family and account kind', () => {
    expect(defaultStages('change', 'hv')).toBe(CHANGE_STAGES);
    expect(defaultStages('new', 'hv')).toBe(HV_STAGES);
    expect(defaultStages(undefined, 'lv_resident')).toEqual([
      'ACCEPT',
      'METER_ENERGIZE',
      'ARCHIVE',
    ]);
  });
});

describe('docs/sync-openapi.yaml', () => {
  const doc = readFileSync(new URL('../../docs/sync-openapi.yaml', import.meta.url), 'utf8');

  it('names every code, status, kind and stage the schemas know', () => {
    const missing = [
      ...REASON_CODES,
      ...SYNC_ERROR_CODES,
      ...OP_STATUSES,
      ...SYNC_OP_KINDS,
      ...STAGE_CODES,
    ].filter((word) => !new RegExp(`\\b${word.replace('.', '\\.')}\\b`).test(doc));
    expect(missing).toEqual([]);
  });

  it('documents every endpoint of the protocol', () => {
    for (const path of [
      '/v1/devices/register:',
      '/v1/devices/token:',
      '/v1/ops:',
      '/v1/ops/{opId}:',
      '/v1/changes:',
    ]) {
      expect(doc).toContain(path);
    }
    expect(doc).toMatch(/^openapi: 3\.1\.\d/m);
  });
});
