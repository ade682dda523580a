/** IPC channel names: the only thing the preload imports besides electron. */
export const API_CHANNEL = 'hall:api';
/** Main process to window: update ready (and, later, pushed status changes). */
export const EVENT_CHANNEL = 'hall:event';
export const BRIDGE_KEY = 'hallApi';
