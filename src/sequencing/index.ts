export type * from './navigator.js';
export { navigationValidity, requestValidity } from './navigator.js';
export { createNavigator, type NavigatorSnapshot } from './simple-navigator.js';
export { buildActivityTree, type Activity, type ActivityTree } from './activity-tree.js';
export { parsePrerequisites, evaluatePrerequisites, PrerequisiteError } from './prerequisites.js';
