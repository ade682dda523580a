import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import { papersFor } from '../../../shared/catalogue/applicability';
import type { AccountKind, BusinessFamily } from '../../../shared/catalogue/types';
import { SELF_SERVICE_STEPS, type Checklist } from '../../../shared/queue/checklist';
import { recommendChannel, serviceForType } from '../../../shared/queue/triage';
import type { IssuedTicket, Priority } from '../../../shared/queue/schemas';
import { call } from '../api/client';
import { useCatalogueStore } from './catalogue';
import { useQueueStore } from './queue';

/** What the customer came for, before a business type is known. */
export type Need = BusinessFamily | 'other';

const emptySteps = () =>
  Object.fromEntries(SELF_SERVICE_STEPS.map((s) => [s, false])) as Record<
    (typeof SELF_SERVICE_STEPS)[number],
    boolean
  >;

/**
 * The guide desk: the triage wizard (need → business type → papers → channel → ticket) and the
 * self-service demo checklist recorded per customer.
 */
export const useQueueGuideStore = defineStore('queueGuide', () => {
  const catalogue = useCatalogueStore();
  const queue = useQueueStore();

  const need = ref<Need | ''>('');
  const needNote = ref('');
  const typeCode = ref('');
  const accountKind = ref<AccountKind>('lv_resident');
  const agent = ref(false);
  const priority = ref<Priority>('normal');
  /** The identified customer (customer record): their tags raise the ticket's priority. */
  const customerId = ref<string | null>(null);
  /** For customers with no application (payments, questions): the service chosen by hand. */
  const otherService = ref('');
  const ticket = ref<IssuedTicket | null>(null);
  const issuing = ref(false);
  const error = ref<unknown>(null);

  const type = computed(() => catalogue.findType(typeCode.value));
  const typesForNeed = computed(() =>
    catalogue.catalogue.types.filter(
      (t) => need.value !== 'other' && (!need.value || t.family === need.value),
    ),
  );
  const kinds = computed<AccountKind[]>(() => type.value?.accountKinds ?? []);
  const papers = computed(() =>
    type.value && kinds.value.includes(accountKind.value)
      ? papersFor(type.value, accountKind.value, { agent: agent.value ? 'yes' : 'no' })
      : [],
  );
  const channel = computed(() =>
    type.value
      ? recommendChannel(type.value, accountKind.value, { agent: agent.value })
      : 'counter',
  );
  const service = computed(() => {
    if (need.value === 'other') {
      return queue.services.find((s) => s.code === otherService.value) ?? queue.services.at(-1);
    }
    return type.value ? serviceForType(queue.config, type.value) : undefined;
  });

  function chooseNeed(value: Need): void {
    need.value = value;
    typeCode.value = '';
    ticket.value = null;
  }

  function chooseType(code: string): void {
    typeCode.value = code;
    const t = type.value;
    if (t && !t.accountKinds.includes(accountKind.value)) {
      accountKind.value = t.accountKinds[0] ?? 'lv_resident';
    }
    ticket.value = null;
  }

  async function issue(): Promise<void> {
    const s = service.value;
    if (!s) return;
    issuing.value = true;
    error.value = null;
    try {
      // The triage note travels with the ticket to the clerk who calls it.
      const note = needNote.value.trim();
      ticket.value = await call('queue.issue', {
        serviceCode: s.code,
        priority: priority.value,
        ...(note ? { note } : {}),
        ...(customerId.value ? { customerId: customerId.value } : {}),
      });
    } catch (err) {
      error.value = err;
    } finally {
      issuing.value = false;
    }
  }

  function restart(): void {
    need.value = '';
    needNote.value = '';
    typeCode.value = '';
    accountKind.value = 'lv_resident';
    agent.value = false;
    priority.value = 'normal';
    customerId.value = null;
    otherService.value = '';
    ticket.value = null;
    error.value = null;
  }

  // ------------------------------------------------------------ self-service checklist
  const form = reactive({
    id: undefined as string | undefined,
    customer: '',
    ticketNumber: '',
    steps: emptySteps(),
    note: '',
  });
  const records = ref<Checklist[]>([]);
  const saving = ref(false);
  const checklistError = ref<unknown>(null);

  async function loadRecords(): Promise<void> {
    try {
      records.value = await call('guide.checklists', { limit: 50 });
    } catch (err) {
      checklistError.value = err;
    }
  }

  function edit(record: Checklist): void {
    form.id = record.id;
    form.customer = record.customer;
    form.ticketNumber = record.ticketNumber ?? '';
    form.steps = { ...emptySteps(), ...record.steps };
    form.note = record.note;
  }

  function newRecord(): void {
    form.id = undefined;
    form.customer = ticket.value?.number ?? '';
    form.ticketNumber = ticket.value?.number ?? '';
    form.steps = emptySteps();
    form.note = '';
  }

  async function saveRecord(): Promise<boolean> {
    saving.value = true;
    checklistError.value = null;
    try {
      const saved = await call('guide.saveChecklist', {
        ...(form.id ? { id: form.id } : {}),
        customer: form.customer,
        ...(form.ticketNumber ? { ticketNumber: form.ticketNumber } : {}),
        steps: form.steps,
        note: form.note,
      });
      form.id = saved.id;
      await loadRecords();
      return true;
    } catch (err) {
      checklistError.value = err;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    need,
    needNote,
    typeCode,
    accountKind,
    agent,
    priority,
    customerId,
    otherService,
    ticket,
    issuing,
    error,
    type,
    typesForNeed,
    kinds,
    papers,
    channel,
    service,
    chooseNeed,
    chooseType,
    issue,
    restart,
    form,
    records,
    saving,
    checklistError,
    loadRecords,
    edit,
    newRecord,
    saveRecord,
  };
});
