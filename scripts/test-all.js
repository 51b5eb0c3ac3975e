// `npm test`: every suite in turn — unit and component tests in Chromium (@web/test-runner), the Node suites
// (architecture, CLI), then the whole-app tests on the built app — even when an earlier one fails, so one run
// reports every failure. Exits non-zero if any suite failed; prints the totals from .test-counts/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const suites = [
  ['unit', ['run', 'test:unit']],
  ['node', ['run', 'test:node']],
  ['e2e', ['run', 'test:e2e']],
];
rmSync('.test-counts', { recursive: true, force: true });
const failedSuites = [];
for (const [name, args] of suites) {
  const result = spawnSync('npm', args, { stdio: 'inherit' });
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
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSuites.length ? 1 : 0);
