export { ScormPlayer, type Learner } from './scorm-player.js';
export { ScormToc, type TocNode, type TocItemState, type TocStatus } from './scorm-toc.js';
export { ScormStage, type StageStatus } from './scorm-stage.js';
export { ScormToolbar, type ToolbarAction } from './scorm-toolbar.js';
export * from './events.js';
export type { ApiFactory, ScormApi, ScormApiVersion } from './sco-session.js';
export { launchValues } from './launch-options.js';
export { runtimeApiFactory } from './default-api.js';
