export * from './mask';
export * from './address-text';
