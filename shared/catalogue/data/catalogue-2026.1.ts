import { t } from '../../text';
import { NO_SOURCE_GIVEN } from '../sources';
import {
  accountNoField,
  addressField,
  agentFields,
  dateField,
  holderFields,
  remarkField,
  TARIFF_CLASS_OPTIONS,
  VOLTAGE_OPTIONS,
  yesNo,
} from '../fields';
import { holderPapers, hvPapers, propertyProof } from '../papers';
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
 * Business catalogue, version 2026.1. Figures as described in docs/domain.md; those marked (confirm) were
 * not read in a primary text and must be checked against the province's rules before use.
 */

const ALL: AccountKind[] = ['lv_resident', 'lv_business', 'hv'];
const HV: AccountKind[] = ['hv'];
const LV: AccountKind[] = ['lv_resident', 'lv_business'];

/** Low-voltage access limit for businesses, e.g. up to 160 kW in cities (confirm). */
const LV_BUSINESS_MAX_KVA = 160;

// ---- deadlines (docs/domain.md "Deadlines and 红橙黄 warnings") ----
const HOUSEHOLD_DEADLINE: DeadlineRule = {
  workingDays: 5,
  scope: 'whole',
  basis: t(
    '居民客户全过程办电时间不超过5个工作日',
    'Households: whole process within 5 working days',
  ),
};
const LV_BUSINESS_DEADLINE: DeadlineRule = {
  workingDays: 6,
  scope: 'utility',
  basis: t(
    '低压非居民客户供电企业环节时间不超过6个工作日',
    'Low-voltage businesses: utility time within 6 working days',
  ),
};
const HV_STAGE_LIMITS = (planReply: number) => [
  { stage: 'PLAN_REPLY', workingDays: planReply },
  { stage: 'DESIGN_REVIEW', workingDays: 10 },
  { stage: 'MID_INSPECT', workingDays: 5 },
  { stage: 'COMPLETION_ACCEPT', workingDays: 5 },
  { stage: 'METER_ENERGIZE', workingDays: 5 },
];
const HV_DEADLINE: DeadlineRule = {
  workingDays: 22,
  scope: 'utility',
  basis: t(
    '高压单电源客户供电企业环节时间不超过22个工作日',
    'High voltage, single supply: utility time within 22 working days',
  ),
  stages: HV_STAGE_LIMITS(15),
  variants: [
    {
      when: { field: 'supplyMode', oneOf: ['dual', 'multiple'] },
      workingDays: 32,
      basis: t(
        '高压双（多）电源客户供电企业环节时间不超过32个工作日',
        'High voltage, dual supply: utility time within 32 working days',
      ),
      stages: HV_STAGE_LIMITS(30),
    },
  ],
};
/** Change of use: 5 working days of utility time (confirm: a setting, not a published figure). */
const CHANGE_DEADLINE: DeadlineRule = {
  workingDays: 5,
  scope: 'utility',
  basis: t(
    '变更用电供电企业环节时限（待确认，按省公司规定配置）',
    'Change of use: utility time limit (to be confirmed; set per province)',
  ),
};

// ---- rules ----
const advanceNotice = (field: string): RuleCheckDef => ({
  code: 'ADVANCE_NOTICE',
  description: t('须提前5个工作日申请', 'Must be requested 5 working days ahead'),
  source: NO_SOURCE_GIVEN,
  params: { field, workingDays: 5 },
});

// ---- field helpers ----
const kva = (key: string, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'capacityKva',
  required: true,
  min: 1,
  max: 100000,
  ...extra,
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
      kva('requestedKva', '申请容量(kVA)', 'Requested capacity (kVA)', { max: 100 }),
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
      kva('requestedKva', '申请容量(kVA)', 'Requested capacity (kVA)', {
        max: LV_BUSINESS_MAX_KVA,
        help: t(
          '低压接入上限按省公司规定（待确认）',
          'Low-voltage access limit per province (confirm)',
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
      {
        key: 'requestedKva',
        label: t('申请容量（变压器，kVA）', 'Requested capacity (transformer, kVA)'),
        kind: 'transformerKva',
        required: true,
      },
      ...hvSupplyFields,
      text('loadNature', '用电性质/行业', 'Use / industry', { maxLength: 50 }),
    ],
    papers: [...propertyProof(HV), ...hvPapers],
    rules: [],
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
      kva('existingKva', '原有容量(kVA)', 'Existing capacity (kVA)', { max: 100 }),
      kva('addedKva', '新增容量(kVA)', 'Added capacity (kVA)', { max: 100 }),
    ],
    papers: propertyProof(['lv_resident']),
    rules: [
      {
        code: 'INCREASE_TOTAL',
        description: t('增容后总容量=原有+新增', 'Total after the increase = existing + added'),
        source: NO_SOURCE_GIVEN,
        params: { existingField: 'existingKva', addedField: 'addedKva', requireStandard: false },
      },
      {
        code: 'MAX_TOTAL',
        description: t('低压居民总容量上限', 'Household total capacity limit'),
        source: NO_SOURCE_GIVEN,
        params: { fields: 'existingKva,addedKva', max: 100 },
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
      kva('existingKva', '原有容量(kVA)', 'Existing capacity (kVA)', { max: LV_BUSINESS_MAX_KVA }),
      kva('addedKva', '新增容量(kVA)', 'Added capacity (kVA)', { max: LV_BUSINESS_MAX_KVA }),
    ],
    papers: propertyProof(['lv_business']),
    rules: [
      {
        code: 'INCREASE_TOTAL',
        description: t('增容后总容量=原有+新增', 'Total after the increase = existing + added'),
        source: NO_SOURCE_GIVEN,
        params: { existingField: 'existingKva', addedField: 'addedKva', requireStandard: false },
      },
      {
        code: 'MAX_TOTAL',
        description: t(
          '增容后总容量不超过低压接入上限（待确认）',
          'Total within the low-voltage access limit (confirm)',
        ),
        source: NO_SOURCE_GIVEN,
        params: { fields: 'existingKva,addedKva', max: LV_BUSINESS_MAX_KVA },
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
      {
        key: 'existingKva',
        label: t('原有容量（变压器，kVA）', 'Existing capacity (transformer, kVA)'),
        kind: 'transformerKva',
        required: true,
      },
      kva('addedKva', '新增容量(kVA)', 'Added capacity (kVA)', { max: 10000 }),
      ...hvSupplyFields,
    ],
    papers: [...propertyProof(HV), ...hvPapers],
    rules: [
      {
        code: 'INCREASE_TOTAL',
        description: t(
          '增容后总容量（原有+新增）须为标准变压器容量',
          'Total (existing + added) must be a standard transformer size',
        ),
        source: NO_SOURCE_GIVEN,
        params: { existingField: 'existingKva', addedField: 'addedKva', requireStandard: true },
      },
    ],
    deadline: HV_DEADLINE,
    stages: HV_STAGES,
  }),
];

// ---- 变更用电 ----
const change = (
  def: Omit<Parameters<typeof type>[0], 'family' | 'deadline' | 'stages' | 'rules' | 'before'> & {
    rules?: RuleCheckDef[];
    stages?: string[];
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
        source: NO_SOURCE_GIVEN,
        params: { field: 'reduceKva', than: 'currentKva' },
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
        max: 366,
      },
      {
        key: 'pausesThisYear',
        label: t('本年度已暂停次数', 'Suspensions already this year'),
        kind: 'integer',
        required: true,
        min: 0,
        max: 99,
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
        source: NO_SOURCE_GIVEN,
        params: { field: 'pauseDays', minDays: 15 },
      },
      {
        code: 'MAX_PER_YEAR',
        description: t(
          '每一日历年内暂停次数有限（待确认）',
          'Suspensions per calendar year are limited (confirm)',
        ),
        source: NO_SOURCE_GIVEN,
        params: { countField: 'pausesThisYear', maxTimes: 2 },
      },
      advanceNotice('pauseFrom'),
    ],
  }),
  change({
    code: 'CHG_SWAP',
    name: t('暂换', 'Temporary transformer swap'),
    accountKinds: HV,
    fields: [
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
      text('reason', '暂换原因', 'Reason for the swap'),
    ],
    rules: [
      {
        code: 'VALUES_DIFFER',
        description: t('暂换容量须与原容量不同', 'Temporary size must differ from the current one'),
        source: NO_SOURCE_GIVEN,
        params: { a: 'currentKva', b: 'swapKva' },
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
      text('reason', '暂拆原因', 'Reason for the removal'),
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
      {
        key: 'newHolderIdNumber',
        label: t('新户主身份证号', "New holder's ID number"),
        kind: 'idNumber',
        required: true,
        personal: true,
        accountKinds: ['lv_resident'],
      },
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
      {
        code: 'CHARGES_SETTLED',
        description: t('原户电费须已结清', "The old account's charges must be settled"),
        source: NO_SOURCE_GIVEN,
        params: { field: 'chargesSettled' },
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
      },
      text('reason', '分户原因', 'Reason for the split'),
    ],
    papers: [
      {
        code: 'PROPERTY_PROOF',
        name: t('各户产权证明', 'Proof of ownership for each part'),
        deferrable: true,
      },
    ],
  }),
  change({
    code: 'CHG_MERGE',
    name: t('并户', 'Account merge'),
    accountKinds: ALL,
    fields: [
      { ...accountNoField, key: 'otherAccountNo', label: t('并入户号', 'Account number to merge') },
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
        source: NO_SOURCE_GIVEN,
        params: { a: 'accountNo', b: 'otherAccountNo' },
      },
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
      {
        code: 'CHARGES_SETTLED',
        description: t('电费须已结清', 'Charges must be settled'),
        source: NO_SOURCE_GIVEN,
        params: { field: 'chargesSettled' },
      },
      {
        code: 'REFUND_ACCOUNT_HOLDER',
        description: t(
          '退费账户须为户主本人（本单位）名下',
          "Refund account must be in the holder's name",
        ),
        source: NO_SOURCE_GIVEN,
        params: { field: 'refundAccountName', holderField: 'applicantName' },
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
        source: NO_SOURCE_GIVEN,
        params: { a: 'currentVoltageKv', b: 'newVoltageKv' },
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
        source: NO_SOURCE_GIVEN,
        params: { a: 'currentClass', b: 'newClass' },
      },
      {
        code: 'EQUIPMENT_UNCHANGED',
        description: t('仅在用电设备不变时可改类', 'Only when the equipment is unchanged'),
        source: NO_SOURCE_GIVEN,
        params: { field: 'equipmentUnchanged' },
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
      dateField('restoreFrom', '恢复日期', 'Restore on'),
    ],
    rules: [advanceNotice('restoreFrom')],
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
    fields: [dateField('restoreFrom', '复装日期', 'Reinstall on')],
  }),
];

/**
 * Version 2026.1 as it was in force until 2026-11-30: kept so an application accepted under it is
 * checked, given its deadline and printed against the figures it was accepted with. Its figures
 * were published without sources; each is marked so (NO_SOURCE_GIVEN) and so never reaches a
 * customer screen as a rule. Do not correct it here: a correction is a new version.
 */
export const CATALOGUE_2026_1: Catalogue = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  settings: { accountNoLength: 10 },
  types: [...newAndIncrease, ...changeTypes, ...restoreTypes],
};
