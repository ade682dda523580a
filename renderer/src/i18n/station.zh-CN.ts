/** Station setup: the first-start wizard and the supervisor's station settings (Chinese). */
const stationZhCN = {
  station: {
    wizardTitle: '服务台首次设置',
    wizardHint: '设置这台电脑在营业厅中的用途。设置完成后，只有值班主管可以修改。',
    steps: { role: '用途', place: '营业厅与工位', links: '连接', confirm: '确认' },
    role: '本机用途',
    roles: {
      counter: '受理柜台',
      guide: '引导台',
      kiosk: '自助终端',
      display: '叫号显示屏',
      supervisor: '值班主管台',
    },
    hallCode: '营业厅代码',
    hallName: '营业厅名称',
    stationCode: '工位代码',
    receiptQueryUrl: '回执二维码查询地址',
    receiptQueryUrlHint:
      "客户扫描回执二维码打开的进度查询网址，须以 https:// 开头，并在受理编号的位置写 {'{'}applicationNo{'}'}；不填则用演示地址",
    hubUrl: '营业厅集线器地址',
    hubFingerprint: '集线器证书指纹 (SHA-256)',
    centralUrl: '中心系统地址',
    idReaderUrl: '身份证阅读器地址',
    idReaderUrlHint:
      '柜台身份证阅读器的本机服务地址，只能是 http://127.0.0.1 或 http://localhost；不填则“读卡”不可用，手工录入',
    enrolmentCode: '一次性注册码',
    enrolmentPending: '注册码已保存，等待首次注册使用',
    optional: '可不填',
    back: '上一步',
    next: '下一步',
    finish: '完成设置',
    saving: '正在保存…',
    done: '设置已保存',
    settingsNav: '站点设置',
    settingsTitle: '站点设置',
    settingsHint: '修改后服务将自动重启；用途和工位的修改记入审计。',
    save: '保存并重启',
    path: '配置文件',
    overrides: '开发环境变量覆盖了以下字段：{fields}',
    required: '请填写{field}',
  },
};

export type StationMessages = typeof stationZhCN;
export default stationZhCN;
