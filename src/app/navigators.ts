// The sequencer the app gives every <scorm-player> (the composition root chooses the engine; the player
// never imports one).
import { createLegacyNavigator } from '../sequencing/legacy-adapter.js';
import type { NavigatorFactory } from '../sequencing/navigator.js';

export const navigatorFactory: NavigatorFactory = createLegacyNavigator;
