/** Diagnostics and backups on the supervisor's desk (Chinese). */
const operationsZhCN = {
  operations: {
    nav: '运维',
    title: '运维：诊断与备份',
    diagnostics: '导出诊断包',
    diagnosticsHint:
      '包含最近的日志、版本、配置（不含密钥）及同步和排队状态计数，不含任何个人信息。',
    diagnosticsDone: '诊断包已导出（{kb} KB）',
    backups: '数据库备份',
    schedule: '每 {hours} 小时及每天首次启动时自动备份，保留 {days} 天；每份备份均经完整性校验。',
    backupNow: '立即备份',
    backupDone: '备份完成：{file}',
    empty: '还没有备份',
    at: '备份时间',
    kind: '类型',
    kinds: { auto: '自动', manual: '手动', migration: '升级前' },
    schemaVersion: '数据库版本',
    size: '大小',
    restore: '恢复',
    restoreTitle: '从备份恢复',
    restoreConfirm:
      '将在下次启动时用 {at} 的备份替换当前数据库，此后录入的数据将不在恢复后的数据库中（原数据库会另行保留）。确定吗？',
    restoreScheduled: '已安排恢复：请关闭并重新启动营业厅服务台以完成恢复。',
    pending: '待恢复：{file}。重新启动后生效。',
    cancelRestore: '取消恢复',
    cancelled: '已取消恢复',
    cancel: '取消',
    confirm: '确定',
  },
};

export type OperationsMessages = typeof operationsZhCN;
export default operationsZhCN;
