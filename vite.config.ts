// One config, several builds chosen by --mode:
//   (default)     the SPA and its service worker, with a relative base so dist/ works from any CDN folder
//   lib-runtime   dist/runtime.js   — the DOM-free SCORM runtime as an ES module
//   lib-package   dist/package.js   — the DOM-free package reader as an ES module
//   lib-player    dist/player.js    — the <scorm-player> element for apps that embed it
//   iife          dist/scorm-runtime.iife.js — the runtime as a classic script (global ScormRuntime)
//   cli           dist/cli.js       — the Node command line
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, transform } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { INTERNAL_PROPERTY_NAMES } from './src/runtime/internal-names.js';
import { shellBuildAssets } from './scripts/shell-build-assets.js';

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

/**
 * Lowers standard (TC39) decorators, which the components use with `accessor` (style.md: no
 * experimentalDecorators). Vite's own TypeScript transform (Oxc) passes them through untouched and no browser
 * runs them yet, so files that use decorators go through esbuild first, as they do in the tests
 * (web-test-runner.config.js), with the same class-field semantics as tsconfig.json.
 */
function standardDecorators(): Plugin {
  return {
    name: 'scorm-player:standard-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.ts$/.test(id.split('?')[0] ?? '') || !/^\s*@\w/m.test(code)) return null;
      const out = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        sourcemap: true,
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: true } },
      });
      return { code: out.code, map: out.map };
    },
  };
}

/**
 * The runtime's builds: esbuild minifies them and shortens the internal property names
 * (src/runtime/internal-names.ts) and the classes' #private names, so that the source can be readable and
 * dist/runtime.js small. The sourcemap maps back to the readable source.
 */
function shortenRuntimeNames(target: string): Plugin {
  const mangleProps = new RegExp(`^(${INTERNAL_PROPERTY_NAMES.join('|')})$`);
  return {
    name: 'scorm-player:shorten-runtime-names',
    apply: 'build',
    // After the bundle is written: esbuild reads it with its sourcemap, so the new map still leads to src/.
    async writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle).filter((name) => name.endsWith('.js'))) {
        const file = resolve(options.dir ?? r('dist'), fileName);
        const result = await build({
          entryPoints: [file],
          outfile: file,
          allowOverwrite: true,
          write: false,
          minify: true,
          mangleProps,
          target,
          sourcemap: 'linked',
          legalComments: 'none',
          logLevel: 'warning',
        });
        for (const out of result.outputFiles) writeFileSync(out.path, out.contents);
      }
    },
  };
}

interface LibraryOptions {
  plugins?: Plugin[];
  /** False when a plugin minifies instead (the runtime). */
  minify?: boolean;
  /** Packages the library imports rather than bundles (the player's dependencies). */
  external?: RegExp;
}

function library(entry: string, fileName: string, options: LibraryOptions = {}): UserConfig {
  return {
    publicDir: false,
    plugins: options.plugins ?? [],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: options.minify ?? true,
      target: 'es2022',
      lib: { entry: r(entry), formats: ['es'], fileName: () => `${fileName}.js` },
      // One file per library (no chunks to ship beside it); codeSplitting replaces inlineDynamicImports.
      rolldownOptions: {
        output: { codeSplitting: false },
        ...(options.external ? { external: options.external } : {}),
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'lib-runtime':
      return library('src/runtime/index.ts', 'runtime', {
        plugins: [shortenRuntimeNames('es2022')],
        minify: false,
      });
    case 'lib-package':
      return library('src/package/index.ts', 'package');
    case 'lib-player':
      // The <scorm-player> element and its parts for apps that embed it; lit and idb stay dependencies.
      return library('src/player/index.ts', 'player', {
        plugins: [standardDecorators()],
        external: /^(lit|@lit\/|idb|fflate|fast-xml-parser)/,
      });
    case 'iife':
      return {
        publicDir: false,
        plugins: [shortenRuntimeNames('es2018')],
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
          rolldownOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
        },
        ssr: { noExternal: true },
      };
    default:
      return {
        base: './',
        plugins: [standardDecorators(), spaFallback(), shellBuildAssets()],
        worker: { format: 'es' },
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          rolldownOptions: {
            input: {
              index: r('index.html'),
              // The content host page, served from the content origin (architecture.md "Content isolation").
              'content-host': r('content-host.html'),
              sw: r('src/serve/service-worker.ts'),
              'content-sw': r('src/serve/content-sw.ts'),
            },
            // The service workers keep fixed names at the root of dist/ so that their scopes cover the app.
            output: {
              entryFileNames: (chunk) =>
                chunk.name === 'sw' || chunk.name === 'content-sw'
                  ? `${chunk.name}.js`
                  : 'assets/[name]-[hash].js',
            },
          },
        },
      };
  }
});
