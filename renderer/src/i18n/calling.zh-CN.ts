/** Calling panel additions: undo, wait times, recall list, notes and the counter keys (Chinese). */
const callingZhCN = {
  calling: {
    noShowDone: '{number} 已过号',
    transferDone: '{number} 已转至 {service}',
    undo: '撤销',
    undoCountdown: '撤销（{s} 秒）',
    undone: '已撤销，{number} 回到本窗口',
    waited: '已等 {n} 分钟',
    waitedLong: '已等 {n} 分钟，超时',
    recallTitle: '今日过号',
    recallEmpty: '今日暂无过号',
    recallHint: '客户回来后点“重新排队”：保留原号和原排队位置，下次叫号优先叫到',
    requeue: '重新排队',
    requeued: '{number} 已重新排队',
    notes: '客户备注',
    guideNote: '导办员备注',
    kioskNote: '客户自助填写的备注',
    noteHint: '开始受理时会带入申请的备注',
    fromTicket: '来自 {number} 号：',
    draftBusy: '已有未保存的受理在进行中，备注未带入',
    help: '快捷键',
    helpTitle: '叫号面板快捷键',
    helpIntro:
      '在叫号面板上可用；?、Ctrl+Z、Alt+N 在输入框中不生效。F5 仍为刷新页面，F6、F7、F10、F11、F12 保留给浏览器。',
    keys: {
      help: '打开本说明',
      callNext: '叫下一位',
      recall: '重呼当前号',
      serve: '开始办理',
      noShow: '过号（可撤销）',
      finish: '办结',
      take: '受理业务（带入备注）',
      undo: '撤销刚才的过号或转移',
    },
    formKeys: {
      title: '受理表单快捷键',
      next: '跳到下一项（多行文本框中为换行）',
      submit: '提交受理',
    },
  },
};

export default callingZhCN;
