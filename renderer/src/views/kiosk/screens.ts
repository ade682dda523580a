// The kiosk's screens as one chunk (routes.ts loads it when /kiosk is first entered): a kiosk
// station fetches them together, and moving between them later never waits for a request.
export { default as KioskApply } from './KioskApply.vue';
export { default as KioskHome } from './KioskHome.vue';
export { default as KioskInfo } from './KioskInfo.vue';
export { default as KioskLayout } from './KioskLayout.vue';
export { default as KioskLookup } from './KioskLookup.vue';
export { default as KioskRate } from './KioskRate.vue';
export { default as KioskTicket } from './KioskTicket.vue';
export { default as KioskAppointment } from './KioskAppointment.vue';
export { default as KioskCheckin } from './KioskCheckin.vue';
