// The composition root: turns localisation on, then registers the app shell. Nothing imports src/app.
import { startLocalization } from '../i18n/setup.js';
import './app-shell.js';

// The app renders at once in English; a learner reading another language sees it as soon as its catalog
// (one small lazy chunk) has loaded.
void startLocalization();
