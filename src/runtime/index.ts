// The runtime library (dist/runtime.js): the SCORM 1.2 and 2004 API objects and the contract's types.
export { Scorm12Api } from './scorm12.js';
export { Scorm2004Api } from './scorm2004.js';
export type * from './types.js';
