import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { createServices } from './services/createServices';
import { createHallLogger } from './services/logging';
import { backupConfigFromFlags } from './services/db/backup-config';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { hardenApp, hardenSession } from './shell/harden';
import { bindIpc } from './shell/ipc';
import { APP_ORIGIN } from './shell/navigation-policy';
import { createWindowOptions, type WindowKind } from './shell/window-options';
import { lockDownKioskContents, startRoute, windowKindFrom } from './shell/kiosk-lockdown';

// Thin shell: every behaviour lives in ./services, which also run in plain Node (web host, tests).
const kind: WindowKind = windowKindFrom(process.argv, process.env);

registerAppScheme();
hardenApp(app);
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  // Masked, rotating log files in the app data folder; stderr keeps a copy in development.
  const logger = createHallLogger({ dir: join(dataDir, 'logs'), echo: !app.isPackaged });
  // Development overrides until the station config file carries them.
  const backups = backupConfigFromFlags(
    process.env.HALL_BACKUP_HOURS,
    process.env.HALL_BACKUP_KEEP_DAYS,
  );
  if (typeof backups === 'string') logger.event('config.badBackupSchedule', {}, 'warn');
  const services = createServices({
    dbFile: join(dataDir, 'hall.db'),
    backupDir: join(dataDir, 'backups'),
    logger,
    backups: typeof backups === 'string' ? {} : backups,
    transport: 'ipc',
    centralUrl: process.env.CENTRAL_URL || undefined,
    registrationSecret: process.env.HALL_REGISTRATION_SECRET,
    // A kiosk or display window needs no sign-in but may call only its own actions.
    auth: { enforce: true, stationRole: kind === 'console' ? 'staff' : kind },
  });
  bindIpc(ipcMain, services.dispatch);
  if (kind !== 'console') Menu.setApplicationMenu(null);

  const window = new BrowserWindow(
    createWindowOptions(kind, join(import.meta.dirname, '../preload/index.cjs')),
  );
  if (kind !== 'console') lockDownKioskContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html${startRoute(kind)}`);

  app.on('window-all-closed', () => {
    void services.close().finally(() => {
      logger.close();
      app.quit();
    });
  });
});
