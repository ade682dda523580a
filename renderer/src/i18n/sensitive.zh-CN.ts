/** Sensitive work orders (敏感工单, issue 17), Chinese. */
const sensitiveZhCN = {
  sensitive: {
    title: '敏感工单',
    intro:
      '重复来访（{window}天内同一事项第{at}次起）、电费计量争议或未答复投诉的客户，按分值排序。',
    scoreHelp:
      '分值：同一事项每次来访10分（达到重复次数时计），每起电费或计量争议15分，每起未答复投诉20分，另加最久一起已等待天数×2（最多30天）。',
    empty: '当前没有敏感工单',
    customer: '客户',
    reasons: '原因',
    reason: {
      repeat: '重复来访',
      billing: '电费计量争议',
      open_complaint: '投诉未答复',
    },
    counts: '来访 {repeat} · 争议 {billing} · 未答复 {open}',
    openDays: '已等 {days} 天',
    lastContact: '最近来访',
    score: '分值',
    nextActor: '下一步处理',
    actor: {
      manager: '客户经理 {who}',
      assignee: '承办人 {who}',
      supervisor: '值班主管',
    },
    open: '查看客户',
    tagged: '已标记敏感客户',
    suggestTag: '标记为敏感客户',
    tagReason: '敏感工单：{reasons}',
    tagDone: '已标记为敏感客户',
    flag: '敏感工单',
    flagTitle: '该客户在敏感工单中：{reasons}',
    refresh: '刷新',
  },
  customerUpdate: {
    title: '客户信息更新',
    open: '客户信息更新',
    intro: '只填写要更新的项；原值保留在客户档案的变更记录中。',
    mobile: '联系电话',
    address: '地址',
    contactPerson: '联系人',
    save: '保存更新',
    cancel: '取消',
    done: '客户信息已更新：{fields}',
    count: '客户信息更新',
  },
};

export type SensitiveMessages = typeof sensitiveZhCN;
export default sensitiveZhCN;
