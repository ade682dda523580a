import type { StationMessages } from './station.zh-CN';

/** Station setup: the first-start wizard and the supervisor's station settings (English). */
const stationEn: StationMessages = {
  station: {
    wizardTitle: 'Station setup',
    wizardHint: 'Set what this PC does in the hall. Once set up, only a supervisor can change it.',
    steps: { role: 'Role', place: 'Hall and station', links: 'Connections', confirm: 'Confirm' },
    role: 'This station is a',
    roles: {
      counter: 'Counter',
      guide: 'Guide desk',
      kiosk: 'Self-service kiosk',
      display: 'Calling display',
      supervisor: 'Supervisor desk',
    },
    hallCode: 'Hall code',
    hallName: 'Hall name',
    stationCode: 'Station code',
    receiptQueryUrl: 'Receipt QR query address',
    receiptQueryUrlHint:
      "The progress page a customer opens by scanning the receipt's QR code: https://, with {'{'}applicationNo{'}'} where the application number goes; empty = the demo address",
    hubUrl: 'Hall hub address',
    hubFingerprint: 'Hub certificate fingerprint (SHA-256)',
    centralUrl: 'Central system address',
    idReaderUrl: 'ID card reader address',
    idReaderUrlHint:
      "The local service of the desk's ID card reader: http://127.0.0.1 or http://localhost only; empty = no card reading, the details are typed in",
    enrolmentCode: 'One-time enrolment code',
    enrolmentPending: 'Enrolment code saved, waiting for the first enrolment',
    optional: 'optional',
    back: 'Back',
    next: 'Next',
    finish: 'Finish setup',
    saving: 'Saving…',
    done: 'Settings saved',
    settingsNav: 'Station',
    settingsTitle: 'Station settings',
    settingsHint:
      'The services restart after a change; role and station changes go to the audit trail.',
    save: 'Save and restart',
    path: 'Config file',
    overrides: 'Development environment variables override: {fields}',
    required: '{field} is required',
  },
};

export default stationEn;
