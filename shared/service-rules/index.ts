export * from './types';
export * from './schema';
export * from './defaults';
export * from './engine';
export * from './complaints';
