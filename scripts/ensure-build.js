// Builds dist/ when it is missing or older than its sources (used before the whole-app tests).
import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.js';

if (buildIsStale()) {
  console.log('dist/ is missing or stale: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
