export type * from './types.js';
export * from './zip.js';
export * from './zip-hash.js';
