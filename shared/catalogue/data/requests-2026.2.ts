import { t } from '../../text';
import type { RequestCatalogue } from '../request-kinds';
import { DOC_SGCC_COMMITMENTS, published } from '../sources';

/**
 * Request types of catalogue 2026.2: 故障报修, 信息订阅, 咨询. The arrival commitment is the one
 * the State Grid service commitments have long published (city 45 minutes, countryside 90,
 * remote areas 2 hours); it is not checked against the commitments in force and says so.
 */
export const REQUESTS_2026_2: RequestCatalogue = {
  version: '2026.2',
  effectiveFrom: '2026-12-01',
  names: {
    fault: t('故障报修', 'Fault report'),
    subscription: t('信息订阅', 'Notification subscription'),
    enquiry: t('咨询', 'Enquiry'),
  },
  fault: {
    kinds: [
      { value: 'no_power_home', label: t('家中无电', 'No power at home') },
      { value: 'no_power_area', label: t('片区停电', 'Area without power') },
      { value: 'voltage', label: t('电压异常（忽高忽低）', 'Abnormal voltage') },
      { value: 'meter', label: t('表计故障', 'Meter fault') },
      { value: 'hazard', label: t('线路或设备安全隐患', 'Line or equipment hazard') },
      { value: 'other', label: t('其他故障', 'Other fault') },
    ],
    areaKinds: [
      { value: 'urban', label: t('城区', 'Urban') },
      { value: 'rural', label: t('农村', 'Rural') },
      { value: 'remote', label: t('特殊边远地区', 'Remote area') },
    ],
    arrival: {
      minutes: { urban: 45, rural: 90, remote: 120 },
      source: published(
        DOC_SGCC_COMMITMENTS,
        t(
          '（故障抢修：城区45分钟、农村90分钟、特殊边远地区2小时内到达现场）',
          '(fault repair: on site within 45 minutes in cities, 90 minutes in the countryside, 2 hours in remote areas)',
        ),
        t(
          '现行承诺版本的到达时限未核对',
          'Not checked against the arrival times of the commitments in force',
        ),
      ),
    },
  },
  subscription: {
    channels: [
      { value: 'sms', label: t('短信', 'Text message') },
      { value: 'wechat', label: t('微信公众号', 'WeChat account') },
      { value: 'app', label: t('网上国网App', 'State Grid app') },
    ],
    topics: [
      { value: 'outage', label: t('停电通知', 'Outage notices') },
      { value: 'bill', label: t('电费账单', 'Bills') },
      { value: 'arrears', label: t('欠费提醒', 'Arrears reminders') },
      { value: 'progress', label: t('业务办理进度', 'Application progress') },
    ],
    consentText: t(
      '本人同意供电企业按所选渠道向本人发送所选类别的通知，可随时在营业厅或原渠道撤回同意。',
      'I agree that the utility sends me the chosen notices through the chosen channels; I may withdraw this at the hall or through the same channel at any time.',
    ),
    consentVersion: '2026.2',
    consentMethods: [
      { value: 'signed', label: t('客户签字确认', 'Signed by the customer') },
      { value: 'verbal', label: t('客户口头同意（已宣读）', 'Agreed aloud after reading') },
    ],
  },
  enquiry: {
    topics: [
      { value: 'tariff', label: t('电价政策', 'Tariffs') },
      { value: 'billing', label: t('电费电量', 'Bills and consumption') },
      { value: 'outage', label: t('停电信息', 'Outages') },
      { value: 'business', label: t('业务办理', 'Applications') },
      { value: 'safety', label: t('安全用电', 'Electrical safety') },
      { value: 'other', label: t('其他', 'Other') },
    ],
  },
};
