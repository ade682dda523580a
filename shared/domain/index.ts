export * from './mask';
export * from './address-text';
export * from './regions';
