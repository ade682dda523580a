import type { SensitiveMessages } from './sensitive.zh-CN';

/** Sensitive work orders (敏感工单, issue 17), English. */
const sensitiveEn: SensitiveMessages = {
  sensitive: {
    title: 'Sensitive work orders',
    intro:
      'Customers with repeat contacts ({at} or more on one matter within {window} days), billing or metering disputes, or complaints not yet answered, highest score first.',
    scoreHelp:
      'Score: 10 per contact on the busiest matter (once it is a repeat), 15 per billing or metering dispute, 20 per unanswered complaint, plus 2 per day the oldest has waited (at most 30 days).',
    empty: 'No sensitive work orders now',
    customer: 'Customer',
    reasons: 'Reasons',
    reason: {
      repeat: 'Repeat contacts',
      billing: 'Billing dispute',
      open_complaint: 'Complaint not answered',
    },
    counts: 'contacts {repeat} · disputes {billing} · unanswered {open}',
    openDays: 'waiting {days} days',
    lastContact: 'Last contact',
    score: 'Score',
    nextActor: 'Acts next',
    actor: {
      manager: 'Account manager {who}',
      assignee: 'Assignee {who}',
      supervisor: 'Supervisor on duty',
    },
    open: 'Open customer',
    tagged: 'Tagged sensitive',
    suggestTag: 'Tag as sensitive',
    tagReason: 'Sensitive work order: {reasons}',
    tagDone: 'Tagged as a sensitive customer',
    flag: 'Sensitive work order',
    flagTitle: 'This customer is on the sensitive list: {reasons}',
    refresh: 'Refresh',
  },
  customerUpdate: {
    title: 'Customer details update',
    open: 'Update details',
    intro: 'Fill in only what changes; the old values stay in the record’s change history.',
    mobile: 'Contact phone',
    address: 'Address',
    contactPerson: 'Contact person',
    save: 'Save update',
    cancel: 'Cancel',
    done: 'Customer details updated: {fields}',
    count: 'Details updates',
  },
};

export default sensitiveEn;
