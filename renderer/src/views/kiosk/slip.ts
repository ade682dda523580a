import { computed, nextTick, ref, watch, type Ref } from 'vue';
import type { IssuedTicket } from '../../../../shared/queue/schemas';
import { DEFAULT_SLIP, queueQueryUrl } from '../../../../shared/queue/slip';
import { useQueueStore } from '../../stores/queue';
import { qrDataUrl } from '../../utils/qr';

/** Tickets whose slip went to the printer: a screen shown again must not print a second one. */
const printed = new Set<string>();

/**
 * The slip of the ticket just taken: the hall's roll width, the queue query address with this
 * ticket filled in and its QR code; printed once, as soon as the QR is drawn.
 */
export function useTicketSlip(ticket: Ref<IssuedTicket | null>) {
  const queue = useQueueStore();
  const settings = computed(() => queue.config.slip ?? DEFAULT_SLIP);
  const qrText = computed(() => {
    const template = settings.value.queueQueryUrl;
    const t = ticket.value;
    return template && t ? queueQueryUrl(template, { ticket: t.number, day: t.day }) : '';
  });
  const qr = ref('');

  async function print(): Promise<void> {
    await nextTick();
    window.print();
  }

  watch(
    [ticket, qrText],
    async ([t, text]) => {
      qr.value = text ? await qrDataUrl(text) : '';
      if (t && !printed.has(t.id)) {
        printed.add(t.id);
        await print();
      }
    },
    { immediate: true },
  );

  return { paperMm: computed(() => settings.value.paperMm), qr, qrText, print };
}
