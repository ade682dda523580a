/** About dialog texts (Chinese). */
const aboutZhCN = {
  about: {
    open: '关于',
    title: '关于营业厅服务台',
    version: '版本',
    build: '构建',
    station: '工位',
    configPath: '配置文件',
    noConfig: '未使用配置文件（默认设置）',
    update: '软件更新',
    updateState: {
      off: '未启用',
      idle: '已是最新',
      checking: '正在检查…',
      downloading: '正在下载 {version}',
      ready: '更新 {version} 已就绪，重启后安装',
      error: '检查更新失败，稍后重试',
    },
    updateBadge: '有更新',
    close: '关闭',
  },
};

export default aboutZhCN;
export type AboutMessages = typeof aboutZhCN;
