import { t } from '../../text';
import {
  accountNoField,
  addressField,
  agentFields,
  certificateFields,
  dateField,
  holderFields,
  remarkField,
  TARIFF_CLASS_OPTIONS,
  VOLTAGE_OPTIONS,
  yesNo,
} from '../fields';
import { holderPapers, hvPapers, propertyProof } from '../papers';
import {
  byTopic,
  DOC_BASIC_TARIFF_2016,
  DOC_GET_ELECTRICITY_2020,
  DOC_RULES_1996,
  DOC_SGCC_COMMITMENTS,
  hall,
  INPUT_BOUND,
  published,
  rules1996,
} from '../sources';
import {
  CHANGE_PAPER_STAGES,
  CHANGE_STAGES,
  HV_STAGES,
  LV_BUSINESS_STAGES,
  LV_RESIDENT_STAGES,
} from '../stages';
import type {
  AccountKind,
  BusinessType,
  Catalogue,
  DeadlineRule,
  FieldDef,
  PaperDef,
  RuleCheckDef,
} from '../types';

/**
 * Business catalogue, version 2026.2. Every figure names its source (document and article) or
 * is marked as the hall's own setting (sources.ts); the catalogue test refuses one without.
 * 2026.2 over 2026.1: high-voltage capacity as a transformer list, the low-voltage business
 * limit in kW, the household cap dropped, 暂停 / 暂换 / 暂拆 / 复装 / 减容恢复 / 分户 / 并户 / 迁址
 * limits from the rules, the 15-day whole-process limit for low-voltage businesses, 校表.
 */

const ALL: AccountKind[] = ['lv_resident', 'lv_business', 'hv'];
const HV: AccountKind[] = ['hv'];
const LV: AccountKind[] = ['lv_resident', 'lv_business'];

/** Low-voltage access limit for businesses: 160 kW in cities (1479号). A kW figure, not kVA. */
const LV_BUSINESS_MAX_KW = 160;
const LV_BUSINESS_LIMIT_SOURCE = byTopic(
  DOC_GET_ELECTRICITY_2020,
  '（降低办电成本：城市地区低压接入容量标准提升至160千瓦）',
  t('农村地区的标准由省公司另定', 'Rural areas: the province sets its own figure'),
);
const COMMITMENT_TIME = published(DOC_SGCC_COMMITMENTS, '（压减办电时间）');
/**
 * A household's capacity by phase count: single-phase 220 V supply serves up to about 10 kW
 * (counted as 10 kVA: a household's power factor is close to 1), three-phase 380 V low-voltage
 * supply up to about 100 kW; larger loads need a transformer of their own.
 */
const HOUSEHOLD_PHASE_LIMIT = hall(
  '本厅设置：单相220V供电不超过10 kVA，三相380V低压居民供电不超过100 kVA（供电企业通行做法）',
  "Hall's own setting: at most 10 kVA on single-phase 220 V and 100 kVA on three-phase 380 V household supply (the utilities' usual practice)",
);
/** The most a household takes on low-voltage supply (three phase); an increase may not exceed it. */
const HOUSEHOLD_MAX_KVA = 100;
const HOUSEHOLD_MAX: Partial<FieldDef> = {
  max: HOUSEHOLD_MAX_KVA,
  limitSource: HOUSEHOLD_PHASE_LIMIT,
};
const CHANGE_TIME = hall(
  '本厅设置：变更用电办理时限，无公开的统一规定',
  "Hall's own setting: no published limit for change of use",
);

// ---- deadlines (docs/domain.md "Deadlines and 红橙黄 warnings") ----
const HOUSEHOLD_DEADLINE: DeadlineRule = {
  workingDays: 5,
  scope: 'whole',
  basis: t(
    '居民客户全过程办电时间不超过5个工作日',
    'Households: whole process within 5 working days',
  ),
  source: COMMITMENT_TIME,
};
const LV_BUSINESS_DEADLINE: DeadlineRule = {
  workingDays: 6,
  scope: 'utility',
  basis: t(
    '低压非居民客户供电企业环节时间不超过6个工作日',
    'Low-voltage businesses: utility time within 6 working days',
  ),
  source: COMMITMENT_TIME,
  whole: {
    workingDays: 15,
    basis: t(
      '低压小微企业全过程办电时间不超过15个工作日',
      'Low-voltage businesses: whole process within 15 working days',
    ),
    source: byTopic(DOC_GET_ELECTRICITY_2020, '（压减办电时间：低压小微企业全过程15个工作日）'),
  },
};
const HV_STAGE_LIMITS = (planReply: number) => [
  { stage: 'PLAN_REPLY', workingDays: planReply },
  { stage: 'DESIGN_REVIEW', workingDays: 10 },
  { stage: 'MID_INSPECT', workingDays: 5 },
  { stage: 'COMPLETION_ACCEPT', workingDays: 5 },
  { stage: 'METER_ENERGIZE', workingDays: 5 },
];
const HV_STAGE_SOURCE = hall(
  '本厅设置：高压各环节考核时限（供电企业内部考核口径）',
  "Hall's own setting: the utility's internal assessment limits per stage",
);
const HV_DEADLINE: DeadlineRule = {
  workingDays: 22,
  scope: 'utility',
  basis: t(
    '高压单电源客户供电企业环节时间不超过22个工作日',
    'High voltage, single supply: utility time within 22 working days',
  ),
  source: COMMITMENT_TIME,
  stages: HV_STAGE_LIMITS(15),
  stagesSource: HV_STAGE_SOURCE,
  variants: [
    {
      when: { field: 'supplyMode', oneOf: ['dual', 'multiple'] },
      workingDays: 32,
      basis: t(
        '高压双（多）电源客户供电企业环节时间不超过32个工作日',
        'High voltage, dual supply: utility time within 32 working days',
      ),
      source: COMMITMENT_TIME,
      stages: HV_STAGE_LIMITS(30),
    },
  ],
};
/** Change of use and restores: 5 working days of utility time, the hall's own setting. */
const CHANGE_DEADLINE: DeadlineRule = {
  workingDays: 5,
  scope: 'utility',
  basis: t(
    '变更用电供电企业环节时限5个工作日（本厅设置）',
    "Change of use: utility time within 5 working days (hall's own setting)",
  ),
  source: CHANGE_TIME,
};
/** 校表 and reading disputes: results within 5 working days (docs/domain.md). */
const METER_TEST_DEADLINE: DeadlineRule = {
  workingDays: 5,
  scope: 'utility',
  basis: t(
    '校表（电能表校验）及抄表电量异议5个工作日内答复结果',
    'Meter test and reading disputes: result within 5 working days',
  ),
  source: published(DOC_SGCC_COMMITMENTS, '（计量异议：5个工作日内出具检测结果）'),
};

// ---- rules ----
/** 减容、暂停及其恢复: 5 working days' notice (1583号). */
const advanceNotice = (field: string): RuleCheckDef => ({
  code: 'ADVANCE_NOTICE',
  description: t('须提前5个工作日申请', 'Must be requested 5 working days ahead'),
  params: { field, workingDays: 5 },
  source: byTopic(DOC_BASIC_TARIFF_2016, '（申请减容、暂停、减容恢复、暂停恢复应提前5个工作日）'),
});
const chargesSettled = (zh: string, en: string, source: RuleCheckDef['source']): RuleCheckDef => ({
  code: 'CHARGES_SETTLED',
  description: t(zh, en),
  params: { field: 'chargesSettled' },
  source,
});

// ---- field helpers ----
const kva = (key: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'capacityKva',
  required: true,
  min: 1,
  max: 1000000,
  limitSource: INPUT_BOUND,
  ...extra,
});
const kw = (key: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  ...kva(key, zh, en),
  kind: 'capacityKw',
  ...extra,
});
const count = (key: string, zh: string, en: string, required: boolean): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'integer',
  required,
  min: 1,
  max: 50,
  limitSource: INPUT_BOUND,
});
const transformerSize = (key: string, zh: string, en: string, required: boolean): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'transformerKva',
  required,
});
/** The transformer list of a high-voltage application: one line required, a second optional. */
const transformerFields = (prefix: string, zh: string, en: string): FieldDef[] => [
  count(`${prefix}Count`, `${zh}台数`, `${en}: number`, true),
  transformerSize(`${prefix}Kva`, `${zh}单台容量(kVA)`, `${en}: size each (kVA)`, true),
  count(`${prefix}2Count`, `${zh}（第二种规格）台数`, `${en}, second size: number`, false),
  transformerSize(
    `${prefix}2Kva`,
    `${zh}（第二种规格）单台容量(kVA)`,
    `${en}, second size: size each (kVA)`,
    false,
  ),
];
/** Highest total on 10 / 20 kV supply; 35 and 110 kV are not capped here. */
const HV_TOTAL_BY_VOLTAGE = '10:10000,20:20000';
const transformerSet = (prefix: string, existingField?: string): RuleCheckDef => ({
  code: 'TRANSFORMER_SET',
  description: t(
    '变压器按台核对标准容量，总容量须在供电电压允许范围内',
    'Each transformer a standard size; the total within the supply voltage’s range',
  ),
  params: {
    groups: `${prefix}Count*${prefix}Kva,${prefix}2Count*${prefix}2Kva`,
    voltageField: 'voltageKv',
    maxKvaByVoltage: HV_TOTAL_BY_VOLTAGE,
    ...(existingField ? { existingField } : {}),
  },
  source: hall(
    '本厅设置：10千伏供电总容量上限10000 kVA、20千伏20000 kVA（各省规定不同）；标准容量按单台变压器核对',
    "Hall's own setting: 10 kV up to 10,000 kVA, 20 kV up to 20,000 kVA (provinces differ); the standard series applies per transformer",
  ),
});
const select = (
  key: string,
  zh: string,
  en: string,
  options: FieldDef['options'],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ key, label: t(zh, en), kind: 'select', required: true, options, ...extra });
const text = (key: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'text',
  required: true,
  maxLength: 100,
  ...extra,
});

const hvSupplyFields: FieldDef[] = [
  select('voltageKv', '供电电压', 'Supply voltage', VOLTAGE_OPTIONS),
  select('supplyMode', '供电方式', 'Supply mode', [
    { value: 'single', label: t('单电源', 'Single supply') },
    { value: 'dual', label: t('双电源', 'Dual supply') },
    { value: 'multiple', label: t('多电源', 'Multiple supply') },
  ]),
  // "No" first: the usual answer, and it adds no assessment papers.
  select('heavyIndustry', '是否高耗能/重工业项目', 'Heavy industry project', [
    { value: 'no', label: t('否', 'No') },
    { value: 'yes', label: t('是', 'Yes') },
  ]),
];

/** A type for the given kinds, with the holder block, agent block and their papers. */
function type(
  def: Omit<BusinessType, 'fields' | 'papers'> & {
    before?: FieldDef[];
    fields: FieldDef[];
    papers?: PaperDef[];
    address?: 'required' | 'optional';
  },
): BusinessType {
  const { before = [], fields, papers = [], address = 'optional', ...rest } = def;
  return {
    ...rest,
    fields: [
      ...before,
      ...holderFields(rest.accountKinds),
      addressField(address === 'required'),
      ...fields,
      ...agentFields,
      remarkField,
    ],
    papers: [...holderPapers(rest.accountKinds), ...papers],
  };
}

// ---- 新装 / 增容 ----
const newAndIncrease: BusinessType[] = [
  type({
    code: 'NEW_LV_RES',
    family: 'new',
    name: t('低压居民新装', 'Household new connection'),
    accountKinds: ['lv_resident'],
    address: 'required',
    fields: [
      kva('requestedKva', '申请容量(kVA)', 'Requested capacity (kVA)', {
        maxBy: {
          field: 'phases',
          max: { '1': 10, '3': HOUSEHOLD_MAX_KVA },
          source: HOUSEHOLD_PHASE_LIMIT,
        },
      }),
      select('phases', '相数', 'Phases', [
        { value: '1', label: t('单相220V', 'Single phase 220 V') },
        { value: '3', label: t('三相380V', 'Three phase 380 V') },
      ]),
    ],
    papers: propertyProof(['lv_resident']),
    rules: [],
    deadline: HOUSEHOLD_DEADLINE,
    stages: LV_RESIDENT_STAGES,
  }),
  type({
    code: 'NEW_LV_BIZ',
    family: 'new',
    name: t('低压非居民新装', 'Low-voltage business new connection'),
    accountKinds: ['lv_business'],
    address: 'required',
    fields: [
      kw('requestedKw', '申请容量(kW)', 'Requested capacity (kW)', {
        max: LV_BUSINESS_MAX_KW,
        limitSource: LV_BUSINESS_LIMIT_SOURCE,
        help: t(
          '城市地区低压接入上限160千瓦；以上请按高压办理',
          'Low-voltage limit in cities: 160 kW; above that apply at high voltage',
        ),
      }),
      text('loadNature', '用电性质/行业', 'Use / industry', { maxLength: 50 }),
    ],
    papers: propertyProof(['lv_business']),
    rules: [],
    deadline: LV_BUSINESS_DEADLINE,
    stages: LV_BUSINESS_STAGES,
  }),
  type({
    code: 'NEW_HV',
    family: 'new',
    name: t('高压新装', 'High-voltage new connection'),
    accountKinds: HV,
    address: 'required',
    fields: [
      ...transformerFields('transformer', '变压器', 'Transformers'),
      ...hvSupplyFields,
      text('loadNature', '用电性质/行业', 'Use / industry', { maxLength: 50 }),
    ],
    papers: [...propertyProof(HV), ...hvPapers],
    rules: [transformerSet('transformer')],
    deadline: HV_DEADLINE,
    stages: HV_STAGES,
  }),
  type({
    code: 'INC_LV_RES',
    family: 'increase',
    name: t('低压居民增容', 'Household capacity increase'),
    accountKinds: ['lv_resident'],
    before: [accountNoField],
    fields: [
      kva('existingKva', '原有容量(kVA)', 'Existing capacity (kVA)', HOUSEHOLD_MAX),
      kva('addedKva', '新增容量(kVA)', 'Added capacity (kVA)', HOUSEHOLD_MAX),
    ],
    papers: propertyProof(['lv_resident']),
    rules: [
      {
        code: 'INCREASE_TOTAL',
        description: t('增容后总容量=原有+新增', 'Total after the increase = existing + added'),
        params: { existingField: 'existingKva', addedField: 'addedKva', requireStandard: false },
        source: hall(
          '本厅设置：增容总量按原有加新增计算',
          "Hall's own setting: total = existing + added",
        ),
      },
      {
        code: 'MAX_TOTAL',
        description: t(
          `增容后总容量不超过居民三相供电上限${HOUSEHOLD_MAX_KVA} kVA`,
          `Total within the household three-phase limit of ${HOUSEHOLD_MAX_KVA} kVA`,
        ),
        params: { fields: 'existingKva,addedKva', max: HOUSEHOLD_MAX_KVA },
        source: HOUSEHOLD_PHASE_LIMIT,
      },
    ],
    deadline: HOUSEHOLD_DEADLINE,
    stages: LV_RESIDENT_STAGES,
  }),
  type({
    code: 'INC_LV_BIZ',
    family: 'increase',
    name: t('低压非居民增容', 'Low-voltage business capacity increase'),
    accountKinds: ['lv_business'],
    before: [accountNoField],
    fields: [
      kw('existingKw', '原有容量(kW)', 'Existing capacity (kW)', {
        max: LV_BUSINESS_MAX_KW,
        limitSource: LV_BUSINESS_LIMIT_SOURCE,
      }),
      kw('addedKw', '新增容量(kW)', 'Added capacity (kW)', {
        max: LV_BUSINESS_MAX_KW,
        limitSource: LV_BUSINESS_LIMIT_SOURCE,
      }),
    ],
    papers: propertyProof(['lv_business']),
    rules: [
      {
        code: 'INCREASE_TOTAL',
        description: t('增容后总容量=原有+新增', 'Total after the increase = existing + added'),
        params: { existingField: 'existingKw', addedField: 'addedKw', requireStandard: false },
        source: hall(
          '本厅设置：增容总量按原有加新增计算',
          "Hall's own setting: total = existing + added",
        ),
      },
      {
        code: 'MAX_TOTAL',
        description: t(
          '增容后总容量不超过低压接入上限160千瓦',
          'Total within the low-voltage limit of 160 kW',
        ),
        params: { fields: 'existingKw,addedKw', max: LV_BUSINESS_MAX_KW, unit: 'kW' },
        source: LV_BUSINESS_LIMIT_SOURCE,
      },
    ],
    deadline: LV_BUSINESS_DEADLINE,
    stages: LV_BUSINESS_STAGES,
  }),
  type({
    code: 'INC_HV',
    family: 'increase',
    name: t('高压增容', 'High-voltage capacity increase'),
    accountKinds: HV,
    before: [accountNoField],
    fields: [
      kva('existingKva', '原有容量(kVA)', 'Existing capacity (kVA)'),
      ...transformerFields('addedTransformer', '新增变压器', 'Added transformers'),
      ...hvSupplyFields,
    ],
    papers: [...propertyProof(HV), ...hvPapers],
    rules: [transformerSet('addedTransformer', 'existingKva')],
    deadline: HV_DEADLINE,
    stages: HV_STAGES,
  }),
];

// ---- 变更用电 ----
/** Consistency checks (a new value differs from the old one): no figure in them. */
const CONSISTENCY = hall(
  '本厅设置：录入一致性检查，不含数值',
  "Hall's own setting: a consistency check with no figure",
);
const PAUSE_SOURCE = byTopic(
  DOC_BASIC_TARIFF_2016,
  '（暂停时间每次应不少于十五日，每一日历年内累计不超过六个月）',
  t(
    '“六个月”按183天计为本厅设置；2024年版《供电营业规则》对应条文未核对',
    '"Six months" counted as 183 days is the hall’s setting; the 2024 rules’ article not checked',
  ),
);
const PAUSE_MAX_DAYS = 183;

const change = (
  def: Omit<Parameters<typeof type>[0], 'family' | 'deadline' | 'stages' | 'rules' | 'before'> & {
    rules?: RuleCheckDef[];
    stages?: string[];
    deadline?: DeadlineRule;
  },
): BusinessType =>
  type({
    family: 'change',
    deadline: CHANGE_DEADLINE,
    stages: CHANGE_STAGES,
    rules: [],
    before: [accountNoField],
    ...def,
  });

const changeTypes: BusinessType[] = [
  change({
    code: 'CHG_REDUCE',
    name: t('减容', 'Capacity reduction'),
    accountKinds: HV,
    fields: [
      kva('currentKva', '现有容量(kVA)', 'Current capacity (kVA)'),
      kva('reduceKva', '减少容量(kVA)', 'Capacity to reduce (kVA)'),
      dateField('reduceFrom', '减容开始日期', 'Reduction starts on'),
      select('reducePermanent', '减容性质', 'Kind of reduction', [
        { value: 'temporary', label: t('临时性减容', 'Temporary') },
        { value: 'permanent', label: t('永久性减容', 'Permanent') },
      ]),
    ],
    rules: [
      {
        code: 'LESS_THAN',
        description: t('减少容量须小于现有容量', 'Reduction must be less than current capacity'),
        params: { field: 'reduceKva', than: 'currentKva' },
        source: CONSISTENCY,
      },
      advanceNotice('reduceFrom'),
    ],
  }),
  change({
    code: 'CHG_PAUSE',
    name: t('暂停', 'Temporary suspension'),
    accountKinds: HV,
    fields: [
      kva('pauseKva', '暂停容量(kVA)', 'Capacity to suspend (kVA)'),
      dateField('pauseFrom', '暂停开始日期', 'Suspension starts on'),
      {
        key: 'pauseDays',
        label: t('暂停天数', 'Days suspended'),
        kind: 'integer',
        required: true,
        min: 1,
        max: PAUSE_MAX_DAYS,
        limitSource: PAUSE_SOURCE,
      },
      {
        key: 'pausedDaysThisYear',
        label: t('本年度已暂停天数', 'Days already suspended this year'),
        kind: 'integer',
        required: true,
        min: 0,
        max: PAUSE_MAX_DAYS,
        limitSource: PAUSE_SOURCE,
        help: t(
          '查询营销系统中本日历年的暂停记录',
          "From the account's records for this calendar year",
        ),
      },
      {
        key: 'pausesThisYear',
        label: t('本年度已暂停次数', 'Suspensions already this year'),
        kind: 'integer',
        required: true,
        min: 0,
        max: 99,
        limitSource: INPUT_BOUND,
        help: t(
          '查询营销系统中本日历年的暂停记录',
          "From the account's records for this calendar year",
        ),
      },
    ],
    rules: [
      {
        code: 'MIN_DAYS',
        description: t('每次暂停不少于15天', 'Each suspension lasts at least 15 days'),
        params: { field: 'pauseDays', minDays: 15 },
        source: PAUSE_SOURCE,
      },
      {
        code: 'YEAR_TOTAL_DAYS',
        description: t(
          '每一日历年内累计暂停不超过六个月',
          'At most six months of suspension in a calendar year',
        ),
        params: { field: 'pauseDays', doneField: 'pausedDaysThisYear', maxDays: PAUSE_MAX_DAYS },
        source: PAUSE_SOURCE,
      },
      {
        code: 'MAX_PER_YEAR',
        description: t(
          '每一日历年内暂停次数上限（本厅设置）',
          "Suspensions per calendar year (hall's own setting)",
        ),
        params: { countField: 'pausesThisYear', maxTimes: 2 },
        source: hall(
          '本厅设置：1996年版《供电营业规则》第二十四条为每年两次；发改办价格〔2016〕1583号未限次数，2024年版条文未核对',
          "Hall's own setting: the 1996 rules (art. 24) allowed two a year; NDRC 2016 No. 1583 sets no count; the 2024 text not checked",
        ),
      },
      advanceNotice('pauseFrom'),
    ],
  }),
  change({
    code: 'CHG_SWAP',
    name: t('暂换', 'Temporary transformer swap'),
    accountKinds: HV,
    fields: [
      select('voltageKv', '供电电压', 'Supply voltage', VOLTAGE_OPTIONS),
      select('swapCause', '暂换原因类别', 'Why the swap', [
        { value: 'fault', label: t('受电变压器故障', 'The transformer failed') },
        { value: 'other', label: t('其他原因', 'Another reason') },
      ]),
      {
        key: 'currentKva',
        label: t('原变压器容量(kVA)', 'Current transformer (kVA)'),
        kind: 'transformerKva',
        required: true,
      },
      {
        key: 'swapKva',
        label: t('暂换变压器容量(kVA)', 'Temporary transformer (kVA)'),
        kind: 'transformerKva',
        required: true,
      },
      dateField('swapFrom', '暂换开始日期', 'Swap starts on'),
      dateField('swapUntil', '暂换结束日期', 'Swap ends on'),
      text('reason', '故障情况说明', 'What failed'),
    ],
    rules: [
      {
        code: 'SWAP_LARGER',
        description: t(
          '暂换须因受电变压器故障、临时换用更大容量变压器',
          'A swap is for a failed transformer, replaced for a time by a larger one',
        ),
        params: { causeField: 'swapCause', current: 'currentKva', swap: 'swapKva' },
        source: rules1996('第二十五条'),
      },
      {
        code: 'MAX_MONTHS',
        description: t(
          '暂换使用时间：10千伏及以下不超过2个月，35千伏及以上不超过3个月',
          'Swap period: at most 2 months at 10 kV and below, 3 months at 35 kV and above',
        ),
        params: {
          from: 'swapFrom',
          to: 'swapUntil',
          voltageField: 'voltageKv',
          monthsByVoltage: '10:2,20:2,35:3,110:3',
        },
        source: published(
          DOC_RULES_1996,
          '第二十五条',
          t(
            '20千伏按2个月为本厅设置；2024年版对应条文未核对',
            '20 kV at 2 months is the hall’s setting; the 2024 article not checked',
          ),
        ),
      },
    ],
  }),
  change({
    code: 'CHG_RELOCATE',
    name: t('迁址', 'Relocation'),
    accountKinds: ALL,
    fields: [
      {
        key: 'newAddress',
        label: t('新用电地址', 'New supply address'),
        kind: 'address',
        required: true,
        personal: true,
      },
      dateField('moveOn', '迁址日期', 'Move on'),
    ],
    rules: [
      {
        code: 'ADVANCE_NOTICE',
        description: t('迁址须在5天前申请', "Relocation needs 5 days' notice"),
        params: { field: 'moveOn', calendarDays: true, days: 5 },
        source: rules1996('第二十六条'),
      },
    ],
    papers: [
      {
        code: 'NEW_SITE_PROPERTY_PROOF',
        name: t('新址产权证明', 'Proof of ownership of the new premises'),
        deferrable: true,
      },
    ],
  }),
  change({
    code: 'CHG_METER_MOVE',
    name: t('移表', 'Meter relocation'),
    accountKinds: ALL,
    fields: [
      text('newMeterLocation', '新表位位置', 'New meter position'),
      text('reason', '移表原因', 'Reason for moving the meter'),
    ],
  }),
  change({
    code: 'CHG_TEMP_REMOVE',
    name: t('暂拆', 'Temporary removal'),
    accountKinds: LV,
    fields: [
      dateField('removeFrom', '暂拆日期', 'Removal on'),
      dateField('removeUntil', '预计复装日期', 'Reinstallation planned on'),
      text('reason', '暂拆原因', 'Reason for the removal'),
    ],
    rules: [
      {
        code: 'MAX_MONTHS',
        description: t('暂拆时间最长不超过6个月', 'A temporary removal lasts at most 6 months'),
        params: { from: 'removeFrom', to: 'removeUntil', months: 6 },
        source: rules1996('第二十八条'),
      },
    ],
  }),
  change({
    code: 'CHG_RENAME',
    name: t('更名', 'Change of account name'),
    accountKinds: ALL,
    stages: CHANGE_PAPER_STAGES,
    fields: [
      {
        key: 'newName',
        label: t('新户名', 'New account name'),
        kind: 'personName',
        required: true,
        maxLength: 50,
        accountKinds: ['lv_resident'],
      },
      {
        key: 'newName',
        label: t('新单位名称', 'New organisation name'),
        kind: 'orgName',
        required: true,
        maxLength: 100,
        accountKinds: ['lv_business', 'hv'],
      },
    ],
    papers: [
      {
        code: 'NAME_CHANGE_PROOF',
        name: t('更名证明（如工商变更通知书）', 'Proof of the name change'),
        deferrable: false,
      },
    ],
  }),
  change({
    code: 'CHG_TRANSFER',
    name: t('过户', 'Transfer of account'),
    accountKinds: ALL,
    stages: CHANGE_PAPER_STAGES,
    fields: [
      {
        key: 'newHolderName',
        label: t('新户主姓名', "New holder's name"),
        kind: 'personName',
        required: true,
        maxLength: 50,
        accountKinds: ['lv_resident'],
      },
      ...certificateFields(
        { type: 'newHolderIdType', number: 'newHolderIdNumber' },
        { zh: '新户主', en: "New holder's" },
        { accountKinds: ['lv_resident'] },
      ),
      {
        key: 'newHolderName',
        label: t('新户主单位名称', "New holder's organisation name"),
        kind: 'orgName',
        required: true,
        maxLength: 100,
        accountKinds: ['lv_business', 'hv'],
      },
      {
        key: 'newHolderCreditCode',
        label: t('新户主统一社会信用代码', "New holder's unified social credit code"),
        kind: 'creditCode',
        required: true,
        personal: true,
        accountKinds: ['lv_business', 'hv'],
      },
      {
        key: 'newHolderMobile',
        label: t('新户主手机', "New holder's mobile"),
        kind: 'mobile',
        required: true,
        personal: true,
      },
      select('chargesSettled', '原户电费是否已结清', "Old account's charges settled", yesNo()),
    ],
    papers: [
      {
        code: 'NEW_HOLDER_ID',
        name: t('新户主身份证', "New holder's ID card"),
        deferrable: false,
        accountKinds: ['lv_resident'],
      },
      {
        code: 'NEW_HOLDER_LICENCE',
        name: t('新户主营业执照', "New holder's business licence"),
        deferrable: false,
        accountKinds: ['lv_business', 'hv'],
      },
      {
        code: 'TRANSFER_PROOF',
        name: t('产权转移证明', 'Proof of the change of ownership'),
        deferrable: true,
      },
    ],
    rules: [
      chargesSettled(
        '原户电费须已结清',
        "The old account's charges must be settled",
        rules1996('第二十九条'),
      ),
      {
        code: 'VALUES_DIFFER',
        description: t('过户须转给他人', 'A transfer goes to another holder'),
        params: {
          a: 'idNumber,creditCode',
          b: 'newHolderIdNumber,newHolderCreditCode',
          sameZh: '新户主与原户主相同（证件号码一致），无需过户',
          sameEn:
            'The new holder is the current holder (same certificate number): nothing to transfer',
        },
        source: CONSISTENCY,
      },
    ],
  }),
  change({
    code: 'CHG_SPLIT',
    name: t('分户', 'Account split'),
    accountKinds: ALL,
    fields: [
      {
        key: 'splitInto',
        label: t('拟分户数', 'Number of accounts after the split'),
        kind: 'integer',
        required: true,
        min: 2,
        max: 20,
        limitSource: INPUT_BOUND,
      },
      text('reason', '分户原因', 'Reason for the split'),
      select('chargesSettled', '原户电费是否已结清', 'Charges settled', yesNo()),
    ],
    papers: [
      {
        code: 'PROPERTY_PROOF',
        name: t('各户产权证明', 'Proof of ownership for each part'),
        deferrable: true,
      },
    ],
    rules: [
      chargesSettled(
        '分户前须结清电费',
        'Charges must be settled before a split',
        rules1996('第三十条'),
      ),
    ],
  }),
  change({
    code: 'CHG_MERGE',
    name: t('并户', 'Account merge'),
    accountKinds: ALL,
    fields: [
      { ...accountNoField, key: 'otherAccountNo', label: t('并入户号', 'Account number to merge') },
      select('sameSupplyPoint', '是否同一供电点', 'Same supply point', yesNo()),
      kva('currentKva', '本户容量(kVA)', 'This account’s capacity (kVA)'),
      kva('otherKva', '并入户容量(kVA)', 'Merged account’s capacity (kVA)'),
      kva('mergedKva', '并户后容量(kVA)', 'Capacity after the merge (kVA)'),
      select('chargesSettled', '各户电费是否已结清', 'Charges of both accounts settled', yesNo()),
    ],
    papers: [
      {
        code: 'PROPERTY_PROOF',
        name: t('产权证明', 'Proof of ownership'),
        deferrable: true,
      },
    ],
    rules: [
      {
        code: 'VALUES_DIFFER',
        description: t('并入户号须与本户号不同', 'The merged account must be another account'),
        params: { a: 'accountNo', b: 'otherAccountNo' },
        source: CONSISTENCY,
      },
      {
        code: 'SAME_SUPPLY_POINT',
        description: t('并户须在同一供电点', 'Merged accounts must share a supply point'),
        params: { field: 'sameSupplyPoint' },
        source: rules1996('第三十一条'),
      },
      {
        code: 'NOT_ABOVE_SUM',
        description: t(
          '并户后容量不得超过并户前各户容量之和',
          'Capacity after the merge not above the sum before it',
        ),
        params: { field: 'mergedKva', sumOf: 'currentKva,otherKva' },
        source: rules1996('第三十一条'),
      },
      chargesSettled(
        '并户前须结清电费',
        'Charges must be settled before a merge',
        rules1996('第三十一条'),
      ),
    ],
  }),
  change({
    code: 'CHG_CLOSE',
    name: t('销户', 'Account closure'),
    accountKinds: ALL,
    fields: [
      select('chargesSettled', '电费是否已结清', 'Charges settled', yesNo()),
      text('refundAccountName', '退费账户户名', 'Refund account holder', { maxLength: 100 }),
      text('refundBank', '退费开户银行', 'Refund bank', { maxLength: 100 }),
      {
        key: 'refundAccountNo',
        label: t('退费银行账号', 'Refund bank account number'),
        kind: 'text',
        required: true,
        maxLength: 32,
        personal: true,
      },
    ],
    papers: [
      {
        code: 'REFUND_ACCOUNT_PROOF',
        name: t('退费账户证明（银行卡或开户许可）', 'Proof of the refund account'),
        deferrable: true,
      },
    ],
    rules: [
      chargesSettled('电费须已结清', 'Charges must be settled', rules1996('第三十二条')),
      {
        code: 'REFUND_ACCOUNT_HOLDER',
        description: t(
          '退费账户须为户主本人（本单位）名下',
          "Refund account must be in the holder's name",
        ),
        params: { field: 'refundAccountName', holderField: 'applicantName' },
        source: hall(
          '本厅设置：退费账户户名须与户名一致',
          "Hall's own setting: refund to the holder only",
        ),
      },
    ],
  }),
  change({
    code: 'CHG_VOLTAGE',
    name: t('改压', 'Change of supply voltage'),
    accountKinds: HV,
    fields: [
      select('currentVoltageKv', '现供电电压', 'Current voltage', VOLTAGE_OPTIONS),
      select('newVoltageKv', '拟改供电电压', 'New voltage', VOLTAGE_OPTIONS),
    ],
    papers: [hvPapers[0]!],
    rules: [
      {
        code: 'VALUES_DIFFER',
        description: t('新电压须与现电压不同', 'The new voltage must differ from the current one'),
        params: { a: 'currentVoltageKv', b: 'newVoltageKv' },
        source: CONSISTENCY,
      },
    ],
  }),
  change({
    code: 'CHG_CLASS',
    name: t('改类', 'Change of tariff class'),
    accountKinds: ALL,
    fields: [
      select('currentClass', '现用电类别', 'Current tariff class', TARIFF_CLASS_OPTIONS),
      select('newClass', '拟改用电类别', 'New tariff class', TARIFF_CLASS_OPTIONS),
      select('equipmentUnchanged', '用电设备是否不变', 'Equipment unchanged', yesNo()),
    ],
    rules: [
      {
        code: 'VALUES_DIFFER',
        description: t('新类别须与现类别不同', 'The new class must differ from the current one'),
        params: { a: 'currentClass', b: 'newClass' },
        source: CONSISTENCY,
      },
      {
        code: 'EQUIPMENT_UNCHANGED',
        description: t('仅在用电设备不变时可改类', 'Only when the equipment is unchanged'),
        params: { field: 'equipmentUnchanged' },
        source: rules1996('第三十五条'),
      },
    ],
  }),
];

// ---- restore pairs ----
const restoreTypes: BusinessType[] = [
  change({
    code: 'CHG_REDUCE_RESTORE',
    name: t('减容恢复', 'Capacity reduction restore'),
    accountKinds: HV,
    restores: 'CHG_REDUCE',
    fields: [
      kva('restoreKva', '恢复容量(kVA)', 'Capacity to restore (kVA)'),
      dateField('reducedOn', '原减容日期', 'Reduced on'),
      dateField('restoreFrom', '恢复日期', 'Restore on'),
    ],
    rules: [
      {
        code: 'WITHIN_MONTHS_OF',
        description: t(
          '减容两年内可办理减容恢复，超过两年按新装或增容办理',
          'A reduction is restored within 2 years; later it is a new connection or an increase',
        ),
        params: { since: 'reducedOn', on: 'restoreFrom', months: 24, after: 'new_or_increase' },
        source: byTopic(
          DOC_BASIC_TARIFF_2016,
          '（减容两年内恢复的按减容恢复办理，超过两年的按新装或增容办理）',
          t(
            '1996年版《供电营业规则》第二十三条亦规定减容最长二年、逾期按新装或增容办理',
            'The 1996 rules (art. 23) also cap a reduction at two years, later a new connection or increase',
          ),
        ),
      },
      advanceNotice('restoreFrom'),
    ],
  }),
  change({
    code: 'CHG_PAUSE_RESTORE',
    name: t('暂停恢复', 'Suspension restore'),
    accountKinds: HV,
    restores: 'CHG_PAUSE',
    fields: [
      kva('restoreKva', '恢复容量(kVA)', 'Capacity to restore (kVA)'),
      dateField('restoreFrom', '恢复日期', 'Restore on'),
    ],
    rules: [advanceNotice('restoreFrom')],
  }),
  change({
    code: 'CHG_SWAP_RESTORE',
    name: t('暂换恢复', 'Transformer swap restore'),
    accountKinds: HV,
    restores: 'CHG_SWAP',
    fields: [dateField('restoreFrom', '恢复日期', 'Restore on')],
  }),
  change({
    code: 'CHG_TEMP_REMOVE_RESTORE',
    name: t('暂拆恢复（复装）', 'Reinstallation after temporary removal'),
    accountKinds: LV,
    restores: 'CHG_TEMP_REMOVE',
    fields: [
      dateField('removedOn', '暂拆日期', 'Removed on'),
      dateField('restoreFrom', '复装日期', 'Reinstall on'),
    ],
    rules: [
      {
        code: 'WITHIN_MONTHS_OF',
        description: t(
          '暂拆6个月内可复装，超过按新装办理',
          'Reinstall within 6 months of the removal; later it is a new connection',
        ),
        params: { since: 'removedOn', on: 'restoreFrom', months: 6, after: 'new' },
        source: rules1996('第二十八条'),
      },
    ],
  }),
];

// ---- 校表 / 抄表异议 (meter test and reading disputes) ----
const requestTypes: BusinessType[] = [
  change({
    code: 'REQ_METER_TEST',
    name: t('校表（计量或电量异议）', 'Meter test or reading dispute'),
    accountKinds: ALL,
    deadline: METER_TEST_DEADLINE,
    stages: CHANGE_STAGES,
    fields: [
      select('disputeKind', '异议类别', 'What is disputed', [
        { value: 'meter', label: t('电能表计量准确性（申请校表）', 'Meter accuracy (meter test)') },
        { value: 'reading', label: t('抄表电量', 'Meter reading') },
      ]),
      text('reason', '异议情况说明', 'What the customer reports'),
    ],
  }),
];

export const CATALOGUE_2026_2: Catalogue = {
  version: '2026.2',
  effectiveFrom: '2026-12-01',
  settings: {
    accountNoLength: 10,
    accountNoLengthSource: hall(
      '本厅设置：户号位数（各省不同）',
      "Hall's own setting: account number length (provinces differ)",
    ),
  },
  types: [...newAndIncrease, ...changeTypes, ...restoreTypes, ...requestTypes],
};
