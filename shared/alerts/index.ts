export * from './levels';
export * from './suggest';
