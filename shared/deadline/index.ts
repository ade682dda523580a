export * from './calendar';
export * from './hall-time';
export * from './deadline';
