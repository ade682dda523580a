import { t, type LocalizedText } from '../text';

/**
 * GB 32100-2015 code table: the registration authority (1st character of a unified social
 * credit code) and the organisation categories it may give (2nd character). Data, not logic.
 */
export interface RegistrationAuthority {
  name: LocalizedText;
  categories: Readonly<Record<string, LocalizedText>>;
}

const other = t('其他', 'Other');

export const REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = {
  '1': {
    name: t('机构编制', 'Staffing authority'),
    categories: {
      '1': t('机关', 'Government body'),
      '2': t('事业单位', 'Public institution'),
      '3': t(
        '中央编办直接管理机构编制的群众团体',
        'Mass organisation staffed by the central office',
      ),
      '9': other,
    },
  },
  '2': {
    name: t('外交', 'Foreign affairs'),
    categories: { '1': t('外国常驻新闻机构', 'Resident foreign news agency'), '9': other },
  },
  '3': {
    name: t('司法行政', 'Justice administration'),
    categories: {
      '1': t('律师执业机构', 'Law firm'),
      '2': t('公证处', 'Notary office'),
      '3': t('基层法律服务所', 'Grassroots legal service office'),
      '4': t('司法鉴定机构', 'Forensic examination body'),
      '5': t('仲裁委员会', 'Arbitration commission'),
      '9': other,
    },
  },
  '4': {
    name: t('文化', 'Culture'),
    categories: { '1': t('外国在华文化中心', 'Foreign cultural centre in China'), '9': other },
  },
  '5': {
    name: t('民政', 'Civil affairs'),
    categories: {
      '1': t('社会团体', 'Social organisation'),
      '2': t('民办非企业单位', 'Private non-enterprise unit'),
      '3': t('基金会', 'Foundation'),
      '9': other,
    },
  },
  '6': {
    name: t('旅游', 'Tourism'),
    categories: {
      '1': t('外国旅游部门常驻代表机构', 'Resident office of a foreign tourism authority'),
      '2': t(
        '港澳台地区旅游部门常驻内地（大陆）代表机构',
        'Resident office of a Hong Kong, Macao or Taiwan tourism authority',
      ),
      '9': other,
    },
  },
  '7': {
    name: t('宗教', 'Religious affairs'),
    categories: {
      '1': t('宗教活动场所', 'Place of worship'),
      '2': t('宗教院校', 'Religious school'),
      '9': other,
    },
  },
  '8': {
    name: t('工会', 'Trade union'),
    categories: { '1': t('基层工会', 'Grassroots trade union'), '9': other },
  },
  '9': {
    name: t('工商（市场监管）', 'Market regulation'),
    categories: {
      '1': t('企业', 'Enterprise'),
      '2': t('个体工商户', 'Individual business'),
      '3': t('农民专业合作社', "Farmers' cooperative"),
    },
  },
  A: {
    name: t('中央军委改革和编制办公室', 'CMC reform and staffing office'),
    categories: { '1': t('军队事业单位', 'Military public institution'), '9': other },
  },
  N: {
    name: t('农业', 'Agriculture'),
    categories: {
      '1': t('组级集体经济组织', 'Group-level collective economic organisation'),
      '2': t('村级集体经济组织', 'Village-level collective economic organisation'),
      '3': t('乡镇级集体经济组织', 'Township-level collective economic organisation'),
      '9': other,
    },
  },
  Y: {
    name: t('其他', 'Other'),
    categories: { '1': other },
  },
};
