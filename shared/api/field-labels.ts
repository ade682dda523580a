import { CATALOGUE } from '../catalogue';
import { CATALOGUES } from '../catalogue/versions';
import { t, type LocalizedText } from '../text';

/**
 * What each input key of the contract is called on screen, so an input error names the field
 * the way the person sees it ("客户姓名"), never by its key ("customerName"). Keys of the
 * catalogue's application fields (`fields.<key>`) take their labels from the catalogue itself.
 */
export const FIELD_LABELS: Record<string, LocalizedText> = {
  accountKind: t('用户类别', 'Account kind'),
  accountNo: t('户号', 'Account number'),
  action: t('撤销的操作', 'Action to undo'),
  address: t('地址', 'Address'),
  addressText: t('故障地址', 'Fault address'),
  answer: t('答复内容', 'Answer'),
  answerWorkingDays: t('答复时限（工作日）', 'Answer deadline (working days)'),
  applicantName: t('申请人姓名', "Applicant's name"),
  applicationId: t('申请', 'Application'),
  appNo: t('申请编号', 'Application number'),
  areaKind: t('地区类别', 'Area kind'),
  assignee: t('承办人', 'Assignee'),
  attitude: t('服务态度', 'Attitude'),
  basis: t('依据', 'Basis'),
  body: t('正文', 'Text'),
  bookAheadDays: t('可提前预约天数', 'Days bookable ahead'),
  capacity: t('可约人数', 'Capacity'),
  centralUrl: t('中心系统地址', 'Central system address'),
  certType: t('证件类型', 'Certificate type'),
  channel: t('渠道', 'Channel'),
  channels: t('订阅渠道', 'Channels'),
  choice: t('处理方式', 'Choice'),
  city: t('市', 'City'),
  code: t('编码', 'Code'),
  commitments: t('服务承诺', 'Commitments'),
  config: t('排队设置', 'Queue settings'),
  consentGiven: t('客户同意', "Customer's consent"),
  consentMethod: t('同意方式', 'How consent was given'),
  contactHours: t('联系时限（小时）', 'Contact deadline (hours)'),
  contactPerson: t('联系人', 'Contact person'),
  content: t('内容', 'Content'),
  counters: t('窗口', 'Counters'),
  creditCode: t('统一社会信用代码', 'Unified social credit code'),
  current: t('当前密码', 'Current password or PIN'),
  customer: t('客户', 'Customer'),
  customerId: t('客户', 'Customer'),
  customerName: t('客户姓名', "Customer's name"),
  customerNotice: t('客户告示', 'Notice for customers'),
  dailyCap: t('每日上限', 'Daily limit'),
  date: t('日期', 'Date'),
  day: t('预约日期', 'Appointment day'),
  description: t('情况说明', 'Description'),
  detail: t('详细地址', 'Address detail'),
  district: t('区县', 'District'),
  effectiveFrom: t('生效日期', 'Effective from'),
  efficiency: t('办事效率', 'Efficiency'),
  endMin: t('结束时间', 'End time'),
  endsAt: t('结束时间', 'Ends at'),
  enrolmentCode: t('注册码', 'Enrolment code'),
  faultKind: t('故障类别', 'Fault kind'),
  fields: t('申请内容', 'Application fields'),
  from: t('开始日期', 'From'),
  graceMinutes: t('迟到宽限（分钟）', 'Grace period (minutes)'),
  fromId: t('被合并的客户', 'Customer merged away'),
  hallCode: t('营业厅编码', 'Hall code'),
  hallName: t('营业厅名称', 'Hall name'),
  holidays: t('节假日', 'Holidays'),
  hubFingerprint: t('叫号服务器证书指纹', 'Hub certificate fingerprint'),
  hubUrl: t('叫号服务器地址', 'Hall hub address'),
  id: t('记录编号', 'Record id'),
  idNumber: t('身份证号', 'ID number'),
  idType: t('证件类型', 'Certificate type'),
  idReaderUrl: t('身份证阅读器地址', 'ID card reader address'),
  intoId: t('保留的客户', 'Customer kept'),
  labelEn: t('英文名称', 'English label'),
  labelZh: t('中文名称', 'Chinese label'),
  kind: t('类别', 'Kind'),
  level: t('级别', 'Level'),
  limit: t('条数', 'Number of rows'),
  longWaitMinutes: t('久候提醒（分钟）', 'Long wait (minutes)'),
  manager: t('客户经理', 'Account manager'),
  mine: t('只叫我的客户', 'My customers only'),
  mobile: t('手机号码', 'Mobile number'),
  name: t('姓名', 'Name'),
  newSecret: t('新密码', 'New password or PIN'),
  next: t('新密码', 'New password or PIN'),
  note: t('备注', 'Note'),
  notices: t('公告', 'Notices'),
  orange: t('橙色', 'Orange'),
  orangeAt: t('橙色预警', 'Orange warning'),
  orangeWorkingDays: t('橙色预警（工作日）', 'Orange warning (working days)'),
  overdueApplications: t('超期申请阈值', 'Overdue applications threshold'),
  paperMm: t('排队小票纸宽（毫米）', 'Ticket slip paper width (mm)'),
  papers: t('资料', 'Papers'),
  periods: t('放假安排', 'Holidays by name'),
  phone: t('联系电话', 'Contact phone'),
  prefix: t('号码前缀', 'Number prefix'),
  price: t('价格', 'Price'),
  priority: t('优先级', 'Priority'),
  province: t('省', 'Province'),
  q: t('查询内容', 'Search text'),
  quality: t('服务质量', 'Quality'),
  question: t('咨询内容', 'Question'),
  queueQueryUrl: t('排队查询网址模板', 'Queue query address template'),
  rating: t('评价', 'Rating'),
  reason: t('原因', 'Reason'),
  receiptQueryUrl: t('回执二维码查询地址', 'Receipt QR query address'),
  recoveryCode: t('恢复码', 'Recovery code'),
  red: t('红色', 'Red'),
  redAt: t('红色预警', 'Red warning'),
  regionCode: t('省市区', 'Province, city and district'),
  repeatContactsToday: t('今日重复诉求阈值', 'Repeat contacts today threshold'),
  result: t('处理结果', 'Result'),
  role: t('角色', 'Role'),
  scripts: t('引导话术', 'Prepared answers'),
  secret: t('密码', 'Password or PIN'),
  serviceCode: t('业务', 'Service'),
  services: t('业务', 'Services'),
  settings: t('预约规则', 'Appointment rules'),
  slip: t('排队小票', 'Ticket slip'),
  slot: t('预约时段', 'Appointment slot'),
  slotId: t('预约时段', 'Appointment slot'),
  staffGuidance: t('员工指引', 'Guidance for staff'),
  staffNo: t('工号', 'Staff number'),
  stage: t('环节', 'Stage'),
  startMin: t('开始时间', 'Start time'),
  stationCode: t('站点编号', 'Station code'),
  street: t('街道', 'Street'),
  subject: t('事由', 'Subject'),
  tag: t('标签', 'Tag'),
  tariffs: t('电价', 'Tariffs'),
  ticketNumber: t('票号', 'Ticket number'),
  title: t('标题', 'Title'),
  to: t('结束日期', 'To'),
  topic: t('咨询类别', 'Enquiry topic'),
  topics: t('订阅内容', 'Topics'),
  toService: t('转至业务', 'Transfer to service'),
  typeCode: t('业务类型', 'Business type'),
  unit: t('单位', 'Unit'),
  updateUrl: t('更新地址', 'Update address'),
  version: t('版本', 'Version'),
  visit: t('本次查询', 'This visit'),
  visitWorkingDays: t('回访时限（工作日）', 'Visit deadline (working days)'),
  waitingTickets: t('等候人数阈值', 'Waiting tickets threshold'),
  warnAt: t('预警', 'Warning'),
  workdays: t('调休上班日', 'Make-up working days'),
  workingDays: t('工作日', 'Working days'),
  year: t('年份', 'Year'),
  yellow: t('黄色', 'Yellow'),
  yellowWorkingDays: t('黄色预警（工作日）', 'Yellow warning (working days)'),
};

/** Used when no label is known: still words, never the key. */
const ANY_FIELD = t('输入内容', 'An input');

/**
 * The catalogue's label of each application field (first definition wins; the newest version
 * first, then the earlier ones still shipped, whose fields an application may still carry).
 */
const CATALOGUE_FIELD_LABELS: Map<string, LocalizedText> = (() => {
  const out = new Map<string, LocalizedText>();
  const versions = [CATALOGUE, ...CATALOGUES.versions.filter((c) => c !== CATALOGUE)];
  for (const type of versions.flatMap((c) => c.types))
    for (const def of type.fields) if (!out.has(def.key)) out.set(def.key, def.label);
  return out;
})();

/**
 * The label of an input path such as `customerName`, `fields.idNumber` or `tariffs.2.price`:
 * the catalogue's label for application fields, else the label of the deepest named key.
 */
export function fieldLabel(path: string): LocalizedText {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  const fieldsAt = parts.lastIndexOf('fields');
  const appField = fieldsAt >= 0 ? parts[fieldsAt + 1] : undefined;
  if (appField !== undefined) {
    const label = CATALOGUE_FIELD_LABELS.get(appField);
    if (label) return label;
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[parts[i] ?? ''];
    if (label) return label;
  }
  return ANY_FIELD;
}
