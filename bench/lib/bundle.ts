// Bundles browser code for the Chromium benches with esbuild: a page's TypeScript source (imports resolve
// from the project root) or a source file (a worker, the service worker), as one ES module string.
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const projectRoot = join(import.meta.dirname, '../..');

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  absWorkingDir: projectRoot,
} as const;

async function text(options: BuildOptions): Promise<string> {
  const result = await build({ ...common, ...options, write: false });
  return result.outputFiles[0]!.text;
}

/** Bundles TypeScript source text whose imports are relative to the project root. */
export function bundleSource(source: string, options: BuildOptions = {}): Promise<string> {
  return text({ stdin: { contents: source, resolveDir: projectRoot, loader: 'ts' }, ...options });
}

/** Bundles a file of the project (a path relative to its root). */
export function bundleFile(path: string, options: BuildOptions = {}): Promise<string> {
  return text({ entryPoints: [join(projectRoot, path)], ...options });
}
