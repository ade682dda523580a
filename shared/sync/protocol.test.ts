import { describe, expect, it } from 'vitest';
import { ChangesQuerySchema, OP_STATUSES, OpSchema, httpStatusOfResult } from './protocol';
import { CHANGE_STAGES, HV_STAGES, defaultStages } from '../catalogue/stages';

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
