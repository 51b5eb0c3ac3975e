// The sequencer the app gives every <scorm-player> (the composition root chooses the engine; the player
// never imports one): SCORM 1.2 and SCORM 2004 each have their own navigator.
import type { NavigatorFactory } from '../sequencing/navigator.js';
import { createScorm12Navigator } from '../sequencing/scorm12-navigator.js';
import { createScorm2004Navigator } from '../sequencing/scorm2004-navigator.js';

export const navigatorFactory: NavigatorFactory = (manifest, organization, options) =>
  manifest.version === '1.2'
    ? createScorm12Navigator(manifest, organization, options)
    : createScorm2004Navigator(manifest, organization, options);
