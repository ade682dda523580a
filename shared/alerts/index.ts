export * from './levels';
export * from './suggest';
export * from './outages';
