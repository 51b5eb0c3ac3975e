// A vite plugin for the app build: writes the list of this build's files under assets/ at the top of sw.js
// (`self.__SHELL_BUILD__ = [...]`). The service worker precaches them on install and, on activate, deletes
// cached assets of other builds (src/serve/shell-cache.ts). As every build's hashed names differ, sw.js
// differs too, so browsers see each deployment as a new worker version (update detection is byte-wise).
import type { Plugin } from 'vite';

export function shellBuildAssets(workerFile = 'sw.js'): Plugin {
  return {
    name: 'scorm-player:shell-build-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = bundle[workerFile];
      if (worker?.type !== 'chunk') return;
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .sort();
      worker.code = `self.__SHELL_BUILD__=${JSON.stringify(files)};\n${worker.code}`;
    },
  };
}
