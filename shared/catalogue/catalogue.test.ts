import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_KIND_LABELS,
  ACCOUNT_KINDS,
  CATALOGUE,
  deadlineFor,
  FAMILY_LABELS,
  fieldsFor,
  findType,
  isKnownRule,
  papersFor,
  STAGE_LABELS,
  typesFor,
} from './index';
import { HV_STAGES } from './stages';
import type { AccountKind, FieldKind } from './types';

const codes = CATALOGUE.types.map((t) => t.code);
const byName = (zh: string) => CATALOGUE.types.find((t) => t.name.zh === zh);

const CHANGE_NAMES = [
  '减容',
  '暂停',
  '暂换',
  '迁址',
  '移表',
  '暂拆',
  '更名',
  '过户',
  '分户',
  '并户',
  '销户',
  '改压',
  '改类',
];
const RESTORE_NAMES: Record<string, string> = {
  减容恢复: 'CHG_REDUCE',
  暂停恢复: 'CHG_PAUSE',
  暂换恢复: 'CHG_SWAP',
  '暂拆恢复（复装）': 'CHG_TEMP_REMOVE',
};
const FIELD_KINDS: FieldKind[] = [
  'text',
  'textarea',
  'personName',
  'orgName',
  'idNumber',
  'creditCode',
  'mobile',
  'accountNo',
  'capacityKva',
  'capacityKw',
  'transformerKva',
  'address',
  'date',
  'integer',
  'select',
];

describe('catalogue completeness', () => {
  it('is versioned with an effective date', () => {
    expect(CATALOGUE.version).toBe('2026.2');
    expect(CATALOGUE.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CATALOGUE.settings?.accountNoLength).toBe(10);
  });

  it('has unique, stable ASCII codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('has 新装 and 增容 for each of the three account kinds', () => {
    for (const family of ['new', 'increase'] as const)
      for (const kind of ACCOUNT_KINDS) {
        const hits = CATALOGUE.types.filter(
          (t) => t.family === family && t.accountKinds.includes(kind),
        );
        expect(hits, `${family} ${kind}`).toHaveLength(1);
      }
    expect(CATALOGUE.types.filter((t) => t.family !== 'change')).toHaveLength(6);
  });

  it('has the twelve 变更用电 types with 更名 and 过户 separate (13), plus 4 restore types', () => {
    for (const zh of CHANGE_NAMES) expect(byName(zh)?.family, zh).toBe('change');
    for (const [zh, restores] of Object.entries(RESTORE_NAMES)) {
      const t = byName(zh);
      expect(t?.restores, zh).toBe(restores);
      expect(findType(CATALOGUE, restores)).toBeDefined();
    }
    // 17 change and restore types plus 校表 (REQ_METER_TEST), filed under change of use.
    expect(CATALOGUE.types.filter((t) => t.family === 'change')).toHaveLength(18);
    expect(CATALOGUE.types).toHaveLength(24);
  });

  it('restricts 暂停/暂换/减容/改压 and their restores to high voltage, 暂拆 to low voltage', () => {
    for (const zh of ['暂停', '暂换', '减容', '改压', '暂停恢复', '暂换恢复', '减容恢复'])
      expect(byName(zh)?.accountKinds, zh).toEqual(['hv']);
    for (const zh of ['暂拆', '暂拆恢复（复装）']) {
      expect(byName(zh)?.accountKinds).not.toContain('hv');
      expect(byName(zh)?.accountKinds.length).toBeGreaterThan(0);
    }
    expect(typesFor(CATALOGUE, 'lv_resident').map((t) => t.code)).not.toContain('CHG_PAUSE');
    expect(typesFor(CATALOGUE, 'hv').map((t) => t.code)).toContain('CHG_PAUSE');
  });

  describe.each(CATALOGUE.types.map((t) => [t.code, t] as const))('%s', (_code, type) => {
    it('has names, fields, papers, stages, a deadline and known rules', () => {
      expect(type.name.zh.length).toBeGreaterThan(0);
      expect(type.name.en.length).toBeGreaterThan(0);
      expect(type.accountKinds.length).toBeGreaterThan(0);
      expect(type.deadline.workingDays).toBeGreaterThan(0);
      expect(type.deadline.basis.zh.length).toBeGreaterThan(0);
      for (const v of type.deadline.variants ?? []) expect(v.workingDays).toBeGreaterThan(0);
      expect(type.stages[0]).toBe('ACCEPT');
      expect(type.stages.at(-1)).toBe('ARCHIVE');
      for (const s of type.stages) expect(STAGE_LABELS).toHaveProperty(s);
      for (const s of type.deadline.stages ?? []) expect(type.stages).toContain(s.stage);
      for (const r of type.rules) expect(isKnownRule(r.code), r.code).toBe(true);
      expect(new Set(type.rules.map((r) => r.code)).size).toBe(type.rules.length);
    });

    it.each(type.accountKinds.map((k) => [k] as [AccountKind]))(
      'for %s: canonical holder fields, unique keys, core papers never deferrable',
      (kind) => {
        const fields = fieldsFor(type, kind);
        const keys = fields.map((f) => f.key);
        expect(new Set(keys).size, 'keys unique per account kind').toBe(keys.length);
        for (const k of ['applicantName', 'idNumber', 'mobile', 'address', 'agent'])
          expect(keys).toContain(k);
        if (kind !== 'lv_resident') expect(keys).toContain('creditCode');
        if (type.family !== 'new') expect(keys).toContain('accountNo');
        for (const f of fields) {
          expect(FIELD_KINDS).toContain(f.kind);
          expect(f.label.zh && f.label.en).toBeTruthy();
          if (f.kind === 'select') expect(f.options?.length).toBeGreaterThan(1);
          if (f.defaultValue !== undefined)
            expect(f.options?.map((o) => o.value)).toContain(f.defaultValue);
          if (['idNumber', 'mobile', 'address', 'creditCode'].includes(f.kind))
            expect(f.personal).toBe(true);
          if (f.when) expect(keys).toContain(f.when.field);
        }
        const papers = papersFor(type, kind, {
          agent: 'yes',
          supplyMode: 'dual',
          heavyIndustry: 'yes',
        });
        const codesHere = papers.map((p) => p.code);
        expect(new Set(codesHere).size).toBe(codesHere.length);
        const core =
          kind === 'lv_resident'
            ? ['ID_CARD']
            : ['BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL'];
        for (const c of [...core, 'AGENT_ID', 'AUTHORIZATION']) {
          const p = papers.find((x) => x.code === c);
          expect(p, c).toBeDefined();
          expect(p?.deferrable, c).toBe(false);
        }
        const self = papersFor(type, kind, { agent: 'no' }).map((p) => p.code);
        expect(self).not.toContain('AGENT_ID');
        expect(self).not.toContain('AUTHORIZATION');
      },
    );
  });

  it('uses the published deadline figures', () => {
    expect(deadlineFor(findType(CATALOGUE, 'NEW_LV_RES')!)).toMatchObject({
      workingDays: 5,
      scope: 'whole',
    });
    expect(deadlineFor(findType(CATALOGUE, 'NEW_LV_BIZ')!)).toMatchObject({
      workingDays: 6,
      scope: 'utility',
    });
    const hv = findType(CATALOGUE, 'NEW_HV')!;
    expect(deadlineFor(hv, { supplyMode: 'single' }).workingDays).toBe(22);
    expect(deadlineFor(hv, { supplyMode: 'dual' }).workingDays).toBe(32);
    expect(deadlineFor(hv, { supplyMode: 'dual' }).stages).toContainEqual({
      stage: 'PLAN_REPLY',
      workingDays: 30,
    });
    expect(deadlineFor(hv, {}).stages).toEqual([
      { stage: 'PLAN_REPLY', workingDays: 15 },
      { stage: 'DESIGN_REVIEW', workingDays: 10 },
      { stage: 'MID_INSPECT', workingDays: 5 },
      { stage: 'COMPLETION_ACCEPT', workingDays: 5 },
      { stage: 'METER_ENERGIZE', workingDays: 5 },
    ]);
    expect(findType(CATALOGUE, 'INC_HV')!.stages).toEqual(HV_STAGES);
  });

  it('carries the rule figures as parameters', () => {
    const pause = findType(CATALOGUE, 'CHG_PAUSE')!;
    expect(pause.rules.find((r) => r.code === 'MIN_DAYS')?.params?.['minDays']).toBe(15);
    expect(pause.rules.find((r) => r.code === 'ADVANCE_NOTICE')?.params?.['workingDays']).toBe(5);
    expect(pause.rules.map((r) => r.code)).toContain('MAX_PER_YEAR');
    expect(findType(CATALOGUE, 'CHG_REDUCE')!.rules.map((r) => r.code)).toContain('ADVANCE_NOTICE');
    expect(findType(CATALOGUE, 'CHG_CLASS')!.rules.map((r) => r.code)).toContain(
      'EQUIPMENT_UNCHANGED',
    );
    for (const c of ['CHG_TRANSFER', 'CHG_CLOSE'])
      expect(findType(CATALOGUE, c)!.rules.map((r) => r.code)).toContain('CHARGES_SETTLED');
    expect(findType(CATALOGUE, 'CHG_CLOSE')!.rules.map((r) => r.code)).toContain(
      'REFUND_ACCOUNT_HOLDER',
    );
    expect(
      findType(CATALOGUE, 'INC_HV')!.rules.find((r) => r.code === 'TRANSFORMER_SET')?.params?.[
        'existingField'
      ],
    ).toBe('existingKva');
  });

  it('labels every family, account kind and stage in both languages', () => {
    for (const l of [
      ...Object.values(FAMILY_LABELS),
      ...Object.values(ACCOUNT_KIND_LABELS),
      ...Object.values(STAGE_LABELS),
    ]) {
      expect(l.zh).toMatch(/\p{Script=Han}/u);
      expect(l.en).toMatch(/^[A-Z]/);
    }
    expect(HV_STAGES).toHaveLength(15);
  });
});
