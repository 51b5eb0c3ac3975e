// Tells whether dist/ is older than the sources it is built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const inputs = [
  'src',
  'public',
  'shell-templates',
  'index.html',
  'vite.config.ts',
  'package.json',
  'tsconfig.types.json',
  'custom-elements-manifest.config.mjs',
];
const outputs = [
  'dist/index.html',
  'dist/404.html',
  'dist/runtime.js',
  'dist/package.js',
  'dist/player.js',
  'dist/cli.js',
  'dist/types/runtime/index.d.ts',
  'custom-elements.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function buildIsStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return Math.max(...inputs.map(newest)) > built;
}
