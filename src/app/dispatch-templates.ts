/// <reference types="vite/client" />
// The shell templates bundled into the app by Vite (`?raw`: the files' text), for the dispatch maker. The CLI
// reads the same files from shell-templates/ on disk.
import manifest12 from '../../shell-templates/scorm12/imsmanifest.xml?raw';
import index12 from '../../shell-templates/scorm12/index.html?raw';
import manifest2004 from '../../shell-templates/scorm2004/imsmanifest.xml?raw';
import index2004 from '../../shell-templates/scorm2004/index.html?raw';
import type { ShellTemplates } from '../dispatch/build-shell.js';

export const shellTemplates: ShellTemplates = {
  '1.2': { manifest: manifest12, index: index12 },
  '2004': { manifest: manifest2004, index: index2004 },
};
