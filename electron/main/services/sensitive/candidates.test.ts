import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../customers/store';
import { sensitiveCandidates, type CandidateRules } from './candidates';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T10:00:00+08:00');
const RULES: CandidateRules = {
  windowDays: 365,
  repeatAt: 3,
  meterTestType: 'REQ_METER_TEST',
  billingSubjects: new Set(['billing']),
  openStates: new Set(['taken']),
};

const customer = (id: string, over: Partial<CustomerRow> = {}): CustomerRow => ({
  id,
  cert_type: 'id_number',
  cert_bidx: `cert-${id}`,
  cert_masked: '',
  kind: 'person',
  name: id,
  mobile: '',
  mobile_bidx: `mob-${id}`,
  contact: '',
  manager: null,
  manager_set_by: null,
  manager_set_at: null,
  merged_into: null,
  created_at: 0,
  updated_at: 0,
  version: 1,
  central_id: null,
  ...over,
});
const app = (idBidx: string, type = 'NEW_LV_RES') => ({
  id_number_bidx: idBidx,
  credit_code_bidx: null,
  type_code: type,
});
const complaint = (over: {
  id?: string;
  mobile?: string;
  subject?: string;
  state?: string;
  at: number;
}) => ({
  id_number_bidx: over.id ?? null,
  mobile_bidx: over.mobile ?? null,
  subject: over.subject ?? 'service',
  state: over.state ?? 'closed',
  taken_at: over.at,
});
const ids = (rows: CustomerRow[]) => rows.map((r) => r.id).sort();

describe('who could be on the sensitive list (read once, assessed exactly afterwards)', () => {
  it('keeps customers with enough contacts, a billing contact or an open complaint', () => {
    const live = ['two', 'three', 'meter', 'open', 'orgphone', 'quiet'].map((id) =>
      customer(id, id === 'orgphone' ? { cert_type: 'credit_code' } : {}),
    );
    const got = sensitiveCandidates(
      live,
      [],
      [
        app('cert-two'),
        app('cert-two'),
        app('cert-three'),
        app('cert-three'),
        app('cert-meter', 'REQ_METER_TEST'),
      ],
      [
        complaint({ mobile: 'mob-three', at: NOW - 10 * DAY }),
        // Open for two years: counts whatever its age.
        complaint({ id: 'cert-open', state: 'taken', at: NOW - 700 * DAY }),
        // An organisation's complaints are found by its phone only.
        complaint({ mobile: 'mob-orgphone', subject: 'billing', at: NOW - DAY }),
        complaint({ id: 'cert-quiet', at: NOW - 400 * DAY }),
      ],
      NOW,
      RULES,
    );
    expect(ids(got)).toEqual(['meter', 'open', 'orgphone', 'three']);
  });

  it("counts a merged duplicate's contacts for the customer it was merged into", () => {
    const survivor = customer('survivor');
    const duplicate = customer('dup', { merged_into: 'survivor' });
    const apps = [app('cert-survivor'), app('cert-dup'), app('cert-dup')];
    expect(ids(sensitiveCandidates([survivor], [duplicate], apps, [], NOW, RULES))).toEqual([
      'survivor',
    ]);
    expect(sensitiveCandidates([survivor], [], apps, [], NOW, RULES)).toEqual([]);
  });
});
