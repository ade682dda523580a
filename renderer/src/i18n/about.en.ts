import type { AboutMessages } from './about.zh-CN';

/** About dialog texts (English). */
const aboutEn: AboutMessages = {
  about: {
    open: 'About',
    title: 'About the Service Hall Console',
    version: 'Version',
    build: 'Build',
    station: 'Station',
    configPath: 'Config file',
    noConfig: 'No config file (defaults)',
    update: 'Software update',
    updateState: {
      off: 'Not enabled',
      idle: 'Up to date',
      checking: 'Checking…',
      downloading: 'Downloading {version}',
      ready: 'Update {version} ready, restart to install',
      error: 'Update check failed, will retry',
    },
    updateBadge: 'Update',
    close: 'Close',
  },
};

export default aboutEn;
