// Runs test suites in turn, each an npm command, even when an earlier one fails, so one run reports every
// failure; then sums their counts (.test-counts/<name>.json, written by each suite's reporter) into one line.
// Shared by `npm test` (test-all.js) and `npm run test:corpus` (test-corpus.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * `suites`: [name, npm arguments] pairs. Prints "<label>: N passed, N failed" and returns the exit code:
 * 1 when any suite failed.
 */
export function runSuites(suites, { label, env = process.env }) {
  const failedSuites = [];
  for (const [name, args] of suites) {
    const result = spawnSync('npm', args, { stdio: 'inherit', env });
    if (result.status !== 0) failedSuites.push(name);
  }
  let passed = 0;
  let failed = 0;
  for (const [name] of suites) {
    const file = `.test-counts/${name}.json`;
    if (!existsSync(file)) continue;
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
  }
  if (failedSuites.length) console.log(`suites with failures: ${failedSuites.join(', ')}`);
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  return failedSuites.length ? 1 : 0;
}
