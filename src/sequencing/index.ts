export type * from './navigator.js';
export { navigationValidity, requestValidity } from './navigator.js';
export { createScorm12Navigator } from './scorm12-navigator.js';
export { createScorm2004Navigator } from './scorm2004-navigator.js';
export { buildActivityTree, type Activity, type ActivityTree } from './activity-tree.js';
export { parsePrerequisites, evaluatePrerequisites, PrerequisiteError } from './prerequisites.js';
