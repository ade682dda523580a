export * from './check';
export * from './id-number';
export * from './credit-code';
export * from './mobile';
export * from './account-no';
export * from './capacity';
export * from './address';
