import { describe, expect, it } from 'vitest';
import type { ServiceSettings } from '../../../../shared/api/methods/dashboard';
import { ruleSetAt, type ServiceRuleSet } from '../../../../shared/service-rules';
import { testLog } from '../../../../tests/support/test-log';
import { servicesPerTest } from '../testing/harness';

/**
 * The supervisor's rule-set screen saves a new version through settings.saveRuleSet: the set
 * in force is shown with every version by date, a new one applies from its date (never in the
 * past, never over an existing version), and who added it and when is kept.
 */
const clock = { now: new Date('2026-11-30T10:00:00+08:00') };
const hall = servicesPerTest({
  prefix: 'hall-rule-sets-',
  actor: 'supervisor1',
  options: () => ({ now: () => clock.now }),
});

const settings = () => hall.call<ServiceSettings>('settings.get', {});
const nextVersion = (from: ServiceRuleSet, effectiveFrom: string): ServiceRuleSet => ({
  ...from,
  version: 'hall-2026.12',
  effectiveFrom,
  workingHours: { start: '09:00', end: '17:00' },
});

describe('rule-set versions from the supervisor', () => {
  it('a new version applies from its date, with who and when kept', async () => {
    const before = await settings();
    const current = ruleSetAt(before.ruleSets, clock.now);
    const saved = await hall.call<ServiceSettings>(
      'settings.saveRuleSet',
      nextVersion(current, '2026-12-01'),
    );
    expect(saved.ruleSets.map((s) => s.version)).toContain('hall-2026.12');
    const audit = saved.ruleSetAudit.find((a) => a.version === 'hall-2026.12');
    expect(audit?.actor).toBe('supervisor1');
    expect(audit?.at.slice(0, 16)).toBe('2026-11-30T10:00');
    // Still the old hours today; the new ones from 1 December.
    expect(saved.workingHours).toEqual(before.workingHours);
    clock.now = new Date('2026-12-01T10:00:00+08:00');
    try {
      expect((await settings()).workingHours).toEqual({ start: '09:00', end: '17:00' });
    } finally {
      clock.now = new Date('2026-11-30T10:00:00+08:00');
    }
    testLog(`rule-sets: versions=${saved.ruleSets.length} audited=${saved.ruleSetAudit.length}`);
  });

  it('refuses a past date and an existing version, in both languages, changing nothing', async () => {
    const before = await settings();
    const current = ruleSetAt(before.ruleSets, clock.now);
    const past = await hall.fails('settings.saveRuleSet', nextVersion(current, '2026-11-29'));
    expect([past.code, past.field, past.message, past.messageEn]).toEqual([
      'VALIDATION',
      'effectiveFrom',
      '生效日期不能早于今天',
      'The effective date cannot be in the past',
    ]);
    const again = await hall.fails('settings.saveRuleSet', { ...current });
    expect([again.code, again.field]).toEqual(['CONFLICT', 'version']);
    expect((await settings()).ruleSets).toEqual(before.ruleSets);
  });
});
