/// <reference types="vite/client" />
// The shell templates bundled into the app by Vite (`?raw`: the files' text), for the dispatch maker. The CLI
// reads the same files from shell-templates/ on disk (SHELL_TEMPLATE_FILES).
import manifest12 from '../../shell-templates/scorm12/imsmanifest.xml?raw';
import script12 from '../../shell-templates/scorm12/shell.js?raw';
import manifest2004 from '../../shell-templates/scorm2004/imsmanifest.xml?raw';
import script2004 from '../../shell-templates/scorm2004/shell.js?raw';
import index from '../../shell-templates/index.html?raw';
import type { ShellTemplates } from '../dispatch/build-shell.js';

export const shellTemplates: ShellTemplates = {
  manifests: { '1.2': manifest12, '2004': manifest2004 },
  index,
  scripts: { '1.2': script12, '2004': script2004 },
};
