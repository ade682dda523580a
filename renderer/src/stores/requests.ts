import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type {
  EnquiryInput,
  FaultReportInput,
  RequestCatalogueView,
  RequestSummary,
  SubscribeInput,
} from '../../../shared/api/methods/requests';
import { call } from '../api/client';

/** 故障报修, 信息订阅 and 咨询 at the counter and the guide desk: the catalogue, takes, the list. */
export const useRequestsStore = defineStore('requests', () => {
  const catalogue = shallowRef<RequestCatalogueView | null>(null);
  const rows = shallowRef<RequestSummary[]>([]);

  async function load(): Promise<void> {
    catalogue.value ??= await call('requests.catalogue', {});
    rows.value = (await call('requests.list', { limit: 20 })).rows;
  }
  async function taken(p: Promise<RequestSummary>): Promise<RequestSummary> {
    const out = await p;
    rows.value = (await call('requests.list', { limit: 20 })).rows;
    return out;
  }
  return {
    catalogue,
    rows,
    load,
    reportFault: (i: FaultReportInput) => taken(call('requests.reportFault', i)),
    subscribe: (i: SubscribeInput) => taken(call('requests.subscribe', i)),
    enquiry: (i: EnquiryInput) => taken(call('requests.enquiry', i)),
    withdraw: (id: string) => taken(call('requests.withdrawConsent', { id })),
  };
});
