import type callingZhCN from './calling.zh-CN';

/** Calling panel additions: undo, wait times, recall list, notes and the counter keys (English). */
const callingEn: typeof callingZhCN = {
  calling: {
    noShowDone: '{number} marked absent',
    transferDone: '{number} sent to {service}',
    undo: 'Undo',
    undoCountdown: 'Undo ({s} s)',
    undone: 'Undone: {number} is back at this counter',
    waited: 'waited {n} min',
    waitedLong: 'waited {n} min, too long',
    recallTitle: 'No-shows today',
    recallEmpty: 'No no-shows today',
    recallHint:
      'When the customer is back, press “Back in line”: same number and place, called first next time',
    requeue: 'Back in line',
    requeued: '{number} is back in line',
    notes: 'Customer notes',
    guideNote: 'Guide’s note',
    kioskNote: 'Note typed at the kiosk',
    noteHint: 'Copied into the application’s remarks when you take it',
    fromTicket: 'From ticket {number}: ',
    draftBusy: 'An application in progress has unsaved changes: the notes were not copied',
    help: 'Keys',
    helpTitle: 'Calling panel keys',
    helpIntro:
      'On the calling panel; ?, Ctrl+Z and Alt+N do nothing while typing in a box. F5 still reloads; F6, F7, F10, F11 and F12 stay with the browser.',
    keys: {
      help: 'Open this help',
      callNext: 'Call next',
      recall: 'Call the current ticket again',
      serve: 'Start serving',
      noShow: 'Mark absent (can be undone)',
      finish: 'Finish',
      take: 'Take an application (with the notes)',
      undo: 'Undo the last absent or transfer',
    },
    formKeys: {
      title: 'Application form keys',
      next: 'Next field (a new line in multi-line boxes)',
      submit: 'Submit the application',
    },
  },
};

export default callingEn;
