// The sequencer the app gives every <scorm-player> (the composition root chooses the engine; the player
// never imports one): SCORM 2004 manifests get the SN engine, SCORM 1.2 the legacy adapter until its own
// navigator lands.
import { createLegacyNavigator } from '../sequencing/legacy-adapter.js';
import type { NavigatorFactory } from '../sequencing/navigator.js';
import { createScorm2004Navigator } from '../sequencing/scorm2004-navigator.js';

export const navigatorFactory: NavigatorFactory = (manifest, organization, options) =>
  manifest.version === '1.2'
    ? createLegacyNavigator(manifest, organization, options)
    : createScorm2004Navigator(manifest, organization, options);
