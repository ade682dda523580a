/** Sign-in, first run, lock screen and staff accounts (Chinese). */
const authZhCN = {
  auth: {
    staffNo: '工号',
    name: '姓名',
    secret: '密码或 PIN',
    secretAgain: '再次输入',
    secretRule: '密码至少 8 位，或 PIN 至少 6 位数字',
    secretMismatch: '两次输入不一致',
    required: '必填',
    staffNoRule: '工号为 2–16 位字母、数字或短横线',
    signInTitle: '员工登录',
    signIn: '登录',
    setupTitle: '首次使用：创建主管账号',
    setupHint:
      '本机还没有任何员工账号。请由主管创建自己的账号，之后在“员工账号”中添加柜员和引导员。',
    setup: '创建并登录',
    lockedTitle: '屏幕已锁定',
    lockedHint: '{name}（{staffNo}），请输入密码或 PIN 解锁',
    unlock: '解锁',
    switchUser: '切换用户',
    lock: '锁屏',
    signOut: '退出',
    checking: '正在检查登录状态…',
    unreachable: '无法连接服务台后台',
    role: { counter: '柜员', guide: '引导员', supervisor: '主管' },
    accounts: {
      nav: '员工账号',
      title: '员工账号',
      add: '添加账号',
      locked: '已锁定',
      active: '正常',
      failures: '失败次数',
      unlock: '解锁',
      unlocked: '已解锁 {staffNo}',
      created: '已添加 {staffNo}',
      create: '添加',
      cancel: '取消',
      status: '状态',
      actions: '操作',
    },
    reveal: {
      show: '显示完整',
      hide: '隐藏',
      audited: '查看完整信息将记入审计日志',
    },
    audit: {
      verify: '校验审计链',
      ok: '审计记录完整（{rows} 条）',
      broken: '审计记录第 {id} 条被篡改或缺失',
    },
  },
};

export default authZhCN;
export type AuthMessages = typeof authZhCN;
