import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import electronUpdater from 'electron-updater';
import { join, resolve } from 'node:path';
import { readBuildLabel } from './services/build-info';
import { createServices } from './services/createServices';
import { createHallLogger } from './services/logging';
import { backupConfigFromFlags } from './services/db/backup-config';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { EVENT_CHANNEL } from '../../shared/api/channels';
import { hardenApp, hardenSession } from './shell/harden';
import { bindIpc } from './shell/ipc';
import { bindEvents } from './shell/events';
import { APP_ORIGIN } from './shell/navigation-policy';
import { createWindowOptions, type WindowKind } from './shell/window-options';
import { lockDownKioskContents, startRoute, windowKindFrom } from './shell/kiosk-lockdown';
import { safeStorageKeyWrapper } from './shell/key-wrapper';
import { launchOptions } from './shell/launch-options';
import { claimSingleInstance } from './shell/single-instance';
import { startUpdater } from './shell/updater';
import { askBeforeLeavingUnsaved, LEAVE_QUESTION } from './shell/unload-prompt';
import { loadConfigForHost, STATION_CONFIG_FILE } from './services/station/config-file';
import { createStationRuntime, type StationOverrides } from './services/station/runtime';
import { stationRoleOf, type StationConfig } from '../../shared/station/config';
import { startupRefusal } from '../../shared/runtime/startup';

// Thin shell: every behaviour lives in ./services, which also run in plain Node (web host, tests).
// --kiosk / --display / HALL_ROLE and CENTRAL_URL are development overrides of the station config.
const kindFlag: WindowKind = windowKindFrom(process.argv, process.env);
const overrides: StationOverrides = {
  ...(kindFlag !== 'console' ? { role: kindFlag } : {}),
  ...(process.env.CENTRAL_URL ? { centralUrl: process.env.CENTRAL_URL } : {}),
  // The demo's fake ID card reader (npm start); the services refuse a non-local address.
  ...(process.env.HALL_ID_READER_URL ? { idReaderUrl: process.env.HALL_ID_READER_URL } : {}),
};

const launch = launchOptions(process.argv, process.env);
let mainWindow: BrowserWindow | undefined;

// A second start hands over to the first instance and quits before whenReady.
if (claimSingleInstance(app, () => mainWindow)) {
  registerAppScheme();
  hardenApp(app);
  void app.whenReady().then(startStation).catch(refuseStart);
}

/** A start the services refuse on purpose: one box and one line, code 2; anything else throws. */
function refuseStart(err: unknown): void {
  const line = startupRefusal(err);
  if (!line) throw err;
  console.error(line);
  dialog.showErrorBox('营业厅服务台', line);
  app.exit(2);
}

function startStation(): void {
  hardenSession(session.defaultSession);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  // The station config: `--config FILE` for a roll-out, else the wizard's file in the data folder.
  const configFile = resolve(launch.configPath ?? join(dataDir, STATION_CONFIG_FILE));
  const loaded = loadConfigForHost(configFile, launch.configPath !== null);
  if (!loaded.ok) {
    console.error(loaded.line);
    app.exit(2);
    return;
  }
  const effectiveRole = overrides.role ?? loaded.fileConfig?.role;
  const kind: WindowKind =
    effectiveRole === 'kiosk' || effectiveRole === 'display' ? effectiveRole : 'console';
  const updater = startUpdater({
    updater: electronUpdater.autoUpdater,
    feedUrl: app.isPackaged ? (launch.updateUrl ?? loaded.fileConfig?.updateUrl) : undefined,
    // "Update ready, restart to install": an event to the window now, and system.info's
    // `update` for the About dialog whenever it is opened.
    onReady: (status) => mainWindow?.webContents.send(EVENT_CHANNEL, { type: 'update', status }),
    log: (line) => console.log(line),
  });
  // Masked, rotating log files in the app data folder; stderr keeps a copy in development.
  const logger = createHallLogger({ dir: join(dataDir, 'logs'), echo: !app.isPackaged });
  // Development overrides until the station config file carries them.
  const backups = backupConfigFromFlags(
    process.env.HALL_BACKUP_HOURS,
    process.env.HALL_BACKUP_KEEP_DAYS,
  );
  if (typeof backups === 'string') logger.event('config.badBackupSchedule', {}, 'warn');
  const serviceOptions = (config: StationConfig) => ({
    hallName: config.hallName,
    hallCode: config.hallCode,
    stationCode: config.stationCode,
    receiptQueryUrl: config.receiptQueryUrl,
    idReaderUrl: config.idReaderUrl,
    centralUrl: config.centralUrl,
    hubUrl: config.hubUrl,
    hubFingerprint: config.hubFingerprint,
    // The config's code, else (development) HALL_ENROLMENT_CODE; npm start's demo mode
    // (HALL_DEMO=1) may use the development secret instead.
    enrolmentCode: config.enrolmentCode ?? process.env.HALL_ENROLMENT_CODE,
    demo: process.env.HALL_DEMO === '1',
  });
  const services = createStationRuntime({
    file: configFile,
    fileConfig: loaded.fileConfig,
    overrides,
    // A new role may need another kind of window: start again with the saved config.
    onSaved: () =>
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 500),
    start: (config, station) =>
      createServices({
        ...serviceOptions(config),
        station,
        dbFile: join(dataDir, 'hall.db'),
        backupDir: join(dataDir, 'backups'),
        logger,
        backups: typeof backups === 'string' ? {} : backups,
        transport: 'ipc',
        // The station's keys wrapped by the OS key store when there is one (else the 0600 file).
        keyWrapper: safeStorageKeyWrapper(safeStorage),
        registrationSecret: process.env.HALL_REGISTRATION_SECRET,
        // A kiosk or display window needs no sign-in but may call only its own actions.
        auth: { enforce: true, stationRole: stationRoleOf(config.role) },
        about: {
          build: readBuildLabel(join(import.meta.dirname, '../build-info.json')),
          configPath: loaded.fileConfig ? configFile : null,
        },
        updateStatus: updater.status,
      }),
  });
  bindIpc(ipcMain, services.dispatch);
  bindEvents(ipcMain, () => services.services()?.events ?? null);
  if (kind !== 'console') Menu.setApplicationMenu(null);

  const window = new BrowserWindow(
    createWindowOptions(kind, join(import.meta.dirname, '../preload/index.cjs'), app.isPackaged),
  );
  mainWindow = window;
  if (kind !== 'console') lockDownKioskContents(window.webContents);
  askBeforeLeavingUnsaved(
    window.webContents,
    () =>
      dialog.showMessageBoxSync(window, {
        type: 'question',
        title: LEAVE_QUESTION.title,
        message: LEAVE_QUESTION.message,
        buttons: [...LEAVE_QUESTION.buttons],
        defaultId: 1,
        cancelId: 1,
      }) === 0,
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html${startRoute(kind)}`);

  app.on('window-all-closed', () => {
    updater.stop();
    void services.close().finally(() => {
      logger.close();
      app.quit();
    });
  });
}
