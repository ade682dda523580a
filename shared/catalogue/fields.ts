import { t } from '../text';
import {
  CERTIFICATE_LABELS,
  DEFAULT_CERTIFICATE_TYPE,
  PERSON_CERTIFICATE_TYPES,
} from '../validators/certificates';
import type { AccountKind, FieldCondition, FieldDef, FieldOption } from './types';

/** Reusable field definitions: the canonical keys every layer agrees on. */

const BUSINESS: AccountKind[] = ['lv_business', 'hv'];
const RESIDENT: AccountKind[] = ['lv_resident'];

export const YES = 'yes';
export const NO = 'no';
export const AGENT_CASE: FieldCondition = { field: 'agent', oneOf: [YES] };

export const yesNo = (yesLabel = t('是', 'Yes'), noLabel = t('否', 'No')): FieldOption[] => [
  { value: YES, label: yesLabel },
  { value: NO, label: noLabel },
];

/** The certificates a person may show, 居民身份证 first. */
export const CERTIFICATE_TYPE_OPTIONS: FieldOption[] = PERSON_CERTIFICATE_TYPES.map((value) => ({
  value,
  label: CERTIFICATE_LABELS[value],
}));

/**
 * A person's certificate: the type select and the number checked by that type. The type is
 * optional and preset to 居民身份证: an application stored without it holds a resident ID.
 */
export const certificateFields = (
  keys: { type: string; number: string },
  whose: { zh: string; en: string },
  extra: Pick<FieldDef, 'accountKinds' | 'when'> = {},
): FieldDef[] => [
  {
    key: keys.type,
    label: t(`${whose.zh}证件类型`, `${whose.en} certificate type`),
    kind: 'select',
    required: false,
    defaultValue: DEFAULT_CERTIFICATE_TYPE,
    options: CERTIFICATE_TYPE_OPTIONS,
    ...extra,
  },
  {
    key: keys.number,
    label: t(`${whose.zh}证件号码`, `${whose.en} certificate number`),
    kind: 'idNumber',
    required: true,
    personal: true,
    certificateTypeField: keys.type,
    ...extra,
  },
];

/** Who holds (or will hold) the account: a person for households, an organisation otherwise. */
export const holderFields = (kinds: AccountKind[]): FieldDef[] => {
  const out: FieldDef[] = [];
  if (kinds.includes('lv_resident'))
    out.push(
      {
        key: 'applicantName',
        label: t('申请人姓名', "Applicant's name"),
        kind: 'personName',
        required: true,
        maxLength: 50,
        accountKinds: RESIDENT,
      },
      ...certificateFields(
        { type: 'idType', number: 'idNumber' },
        { zh: '申请人', en: "Applicant's" },
        { accountKinds: RESIDENT },
      ),
    );
  const business = BUSINESS.filter((k) => kinds.includes(k));
  if (business.length > 0)
    out.push(
      {
        key: 'applicantName',
        label: t('单位名称', 'Organisation name'),
        kind: 'orgName',
        required: true,
        maxLength: 100,
        accountKinds: business,
      },
      {
        key: 'creditCode',
        label: t('统一社会信用代码', 'Unified social credit code'),
        kind: 'creditCode',
        required: true,
        personal: true,
        accountKinds: business,
      },
      {
        key: 'legalRepName',
        label: t('法定代表人姓名', "Legal representative's name"),
        kind: 'personName',
        required: true,
        maxLength: 50,
        accountKinds: business,
      },
      ...certificateFields(
        { type: 'idType', number: 'idNumber' },
        { zh: '法定代表人', en: "Legal representative's" },
        { accountKinds: business },
      ),
    );
  out.push({
    key: 'mobile',
    label: t('联系电话（手机）', 'Contact mobile'),
    kind: 'mobile',
    required: true,
    personal: true,
  });
  return out;
};

export const accountNoField: FieldDef = {
  key: 'accountNo',
  label: t('户号', 'Account number'),
  kind: 'accountNo',
  required: true,
  help: t('用电户号，见电费账单', 'Electricity account number, printed on the bill'),
};

export const addressField = (required: boolean): FieldDef => ({
  key: 'address',
  label: t('用电地址', 'Supply address'),
  kind: 'address',
  required,
  personal: true,
});

/** 委托代办: the select that decides whether the agent's fields and papers apply. */
export const agentFields: FieldDef[] = [
  {
    key: 'agent',
    label: t('办理方式', 'Who applies'),
    kind: 'select',
    required: true,
    // Most customers come in person; the agent block opens only when the clerk says so.
    defaultValue: NO,
    options: [
      { value: NO, label: t('本人办理', 'The applicant in person') },
      { value: YES, label: t('委托代办', 'An authorised agent') },
    ],
  },
  {
    key: 'agentName',
    label: t('代理人姓名', "Agent's name"),
    kind: 'personName',
    required: true,
    maxLength: 50,
    when: AGENT_CASE,
  },
  ...certificateFields(
    { type: 'agentIdType', number: 'agentIdNumber' },
    { zh: '代理人', en: "Agent's" },
    { when: AGENT_CASE },
  ),
  {
    key: 'agentMobile',
    label: t('代理人手机', "Agent's mobile"),
    kind: 'mobile',
    required: true,
    personal: true,
    when: AGENT_CASE,
  },
];

export const remarkField: FieldDef = {
  key: 'remark',
  label: t('备注', 'Remarks'),
  kind: 'textarea',
  required: false,
  maxLength: 500,
};

export const dateField = (key: string, zh: string, en: string): FieldDef => ({
  key,
  label: t(zh, en),
  kind: 'date',
  required: true,
});

export const VOLTAGE_OPTIONS: FieldOption[] = [
  { value: '10', label: t('10千伏', '10 kV') },
  { value: '20', label: t('20千伏', '20 kV') },
  { value: '35', label: t('35千伏', '35 kV') },
  { value: '110', label: t('110千伏', '110 kV') },
];

/** 用电类别 for 改类. */
export const TARIFF_CLASS_OPTIONS: FieldOption[] = [
  { value: 'resident', label: t('居民生活', 'Residential') },
  { value: 'commercial', label: t('一般工商业', 'General commercial and industrial') },
  { value: 'large_industry', label: t('大工业', 'Large industrial') },
  { value: 'agriculture', label: t('农业生产', 'Agricultural') },
];
