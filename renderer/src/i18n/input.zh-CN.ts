/** Region list and ID card reader texts (Chinese). */
const inputZhCN = {
  wholeNumber: {
    range: '请填写 {min}–{max} 之间的整数',
  },
  region: {
    label: '省/市/区县',
    placeholder: '选择省/市/区县（可输入名称搜索）',
    loading: '正在载入行政区划…',
    failed: '行政区划列表载入失败，请刷新页面后重试',
    unmatched: '原地址“{text}”不在行政区划列表中，请重新选择省/市/区县',
  },
  idCard: {
    read: '读卡',
    reading: '正在读卡…',
    filled: '已读取身份证：{name}，{id}，{address}',
    filledShort: '已读取身份证：{name}，{id}',
    manual: '也可以手工录入',
  },
};

export default inputZhCN;
