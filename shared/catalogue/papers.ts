import { t } from '../text';
import { AGENT_CASE } from './fields';
import type { AccountKind, PaperDef } from './types';

/**
 * The default checklist of docs/domain.md "Papers and 容缺". deferrable = 容缺: may be supplied after
 * acceptance. Identity and authority papers are core and never deferrable.
 */

const BUSINESS: AccountKind[] = ['lv_business', 'hv'];

export const holderPapers = (kinds: AccountKind[]): PaperDef[] => {
  const out: PaperDef[] = [];
  if (kinds.includes('lv_resident'))
    out.push({
      code: 'ID_CARD',
      name: t('申请人身份证', "Applicant's resident ID card"),
      deferrable: false,
      accountKinds: ['lv_resident'],
    });
  const business = BUSINESS.filter((k) => kinds.includes(k));
  if (business.length > 0)
    out.push(
      {
        code: 'BUSINESS_LICENCE',
        name: t('营业执照（统一社会信用代码）', 'Business licence (unified social credit code)'),
        deferrable: false,
        accountKinds: business,
      },
      {
        code: 'LEGAL_REP_ID',
        name: t('法定代表人身份证', "Legal representative's ID card"),
        deferrable: false,
        accountKinds: business,
      },
      {
        code: 'OFFICIAL_SEAL',
        name: t('加盖单位公章的申请书', 'Application bearing the official seal'),
        deferrable: false,
        accountKinds: business,
        help: t(
          '须为单位公章，合同章、财务章无效',
          'Official seal only; contract or finance seals do not count',
        ),
      },
    );
  out.push(
    {
      code: 'AUTHORIZATION',
      name: t('授权委托书', 'Letter of authority'),
      deferrable: false,
      agentOnly: true,
      when: AGENT_CASE,
    },
    {
      code: 'AGENT_ID',
      name: t('代理人身份证', "Agent's resident ID card"),
      deferrable: false,
      agentOnly: true,
      when: AGENT_CASE,
    },
  );
  return out;
};

/** Households need it only when ownership is unclear ("一证办电"); businesses always. */
export const propertyProof = (kinds: AccountKind[]): PaperDef[] => {
  const out: PaperDef[] = [];
  if (kinds.includes('lv_resident'))
    out.push({
      code: 'PROPERTY_PROOF',
      name: t('房屋产权证明', 'Proof of property ownership'),
      deferrable: true,
      optional: true,
      accountKinds: ['lv_resident'],
      help: t('仅在产权不明确时需要', 'Only when ownership is unclear'),
    });
  const business = BUSINESS.filter((k) => kinds.includes(k));
  if (business.length > 0)
    out.push({
      code: 'PROPERTY_PROOF',
      name: t('用电地址产权证明或租赁合同', 'Proof of ownership or lease of the premises'),
      deferrable: true,
      accountKinds: business,
    });
  return out;
};

export const hvPapers: PaperDef[] = [
  {
    code: 'EQUIPMENT_LIST',
    name: t('用电设备清单及负荷情况', 'Equipment list and load'),
    deferrable: true,
  },
  {
    code: 'SECOND_SUPPLY_REASON',
    name: t('双（多）电源需求说明', 'Reason for a second (or further) supply'),
    deferrable: true,
    when: { field: 'supplyMode', oneOf: ['dual', 'multiple'] },
  },
  {
    code: 'ENV_SAFETY_ASSESSMENT',
    name: t('环评、安评批复文件', 'Environmental and safety assessment approvals'),
    deferrable: true,
    when: { field: 'heavyIndustry', oneOf: ['yes'] },
  },
];
