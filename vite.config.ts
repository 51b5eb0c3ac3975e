// One config, several builds chosen by --mode:
//   (default)     the SPA and its service worker, with a relative base so dist/ works from any CDN folder
//   lib-runtime   dist/runtime.js   — the DOM-free SCORM runtime as an ES module
//   lib-package   dist/package.js   — the DOM-free package reader as an ES module
//   iife          dist/scorm-runtime.iife.js — the runtime as a classic script (global ScormRuntime)
//   cli           dist/cli.js       — the Node command line
import { copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;
const r = (p: string): string => resolve(root, p);

/** Static hosts serve 404.html for unknown paths; a copy of index.html makes path routes work there. */
function spaFallback(): Plugin {
  return {
    name: 'scorm-player:404',
    apply: 'build',
    closeBundle() {
      const index = r('dist/index.html');
      if (existsSync(index)) copyFileSync(index, r('dist/404.html'));
    },
  };
}

function library(entry: string, fileName: string): UserConfig {
  return {
    publicDir: false,
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: r(entry), formats: ['es'], fileName: () => `${fileName}.js` },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'lib-runtime':
      return library('src/runtime/index.ts', 'runtime');
    case 'lib-package':
      return library('src/package/index.ts', 'package');
    case 'iife':
      return {
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2018',
          lib: {
            entry: r('src/runtime/iife.ts'),
            formats: ['iife'],
            name: 'ScormRuntime',
            fileName: () => 'scorm-runtime.iife.js',
          },
        },
      };
    case 'cli':
      return {
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'node20',
          ssr: r('src/cli/main.ts'),
          rollupOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
        },
        ssr: { noExternal: true },
      };
    default:
      return {
        base: './',
        plugins: [spaFallback()],
        worker: { format: 'es' },
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          rollupOptions: {
            input: { index: r('index.html'), sw: r('src/serve/service-worker.ts') },
            // The service worker keeps a fixed name at the root of dist/ so that its scope covers the app.
            output: {
              entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
            },
          },
        },
      };
  }
});
