export * from './calendar';
export * from './calendar-year';
export * from '../hall-time';
export * from './deadline';
export * from './provisional';
