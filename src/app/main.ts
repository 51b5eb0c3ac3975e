// The composition root: registers the app shell. Nothing imports src/app.
import './app-shell.js';
