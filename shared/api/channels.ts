/** IPC channel names: the only thing the preload imports besides electron. */
export const API_CHANNEL = 'hall:api';
export const BRIDGE_KEY = 'hallApi';
