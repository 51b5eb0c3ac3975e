export type * from './types.js';
export * from './zip.js';
