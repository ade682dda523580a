/** Empty states of charts and tables (Chinese): what is missing and what would fill it. */
const emptyZhCN = {
  empty: {
    title: '暂无数据',
    hint: {
      range: '所选统计区间内没有记录，可调整上方的统计区间',
      warnings: '当前没有在办业务，受理后这里显示各预警等级的件数',
      attainment: '所选区间内没有已到期或已办结的业务',
      overdue: '没有超期未办结的业务',
      repeats: '近期没有客户重复来办同一事项',
      measures: '所选日期内没有取号记录，可调整上方日期',
    },
  },
};

export default emptyZhCN;
