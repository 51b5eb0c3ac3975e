// `npm run test:corpus`: the real-content suite, against the corpus folder (SCORM_CORPUS, default
// ../shared/corpus: the golf packages and the edge-case manifests). Runs the *.corpus.test.ts unit tests in
// Chromium, the *.corpus.test.ts whole-app tests on the built app, then the *.corpus.bench.ts benchmarks, even
// when an earlier one fails. Stops at once, plainly, when the corpus folder is missing. Counts go to
// .test-counts/{unit-corpus,e2e-corpus,bench-corpus}.json beside those of `npm test` (left in place).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { corpusMissingMessage, corpusPresent, corpusRoot } from './corpus.js';

if (!corpusPresent()) {
  console.error(corpusMissingMessage());
  process.exit(1);
}
console.log(`corpus: ${corpusRoot}`);
const env = { ...process.env, TEST_CORPUS: '1', SCORM_CORPUS: corpusRoot };
const suites = [
  ['unit-corpus', ['exec', '--', 'web-test-runner']],
  ['e2e-corpus', ['run', 'test:e2e']],
  ['bench-corpus', ['run', 'bench', '--', '--corpus']],
];
for (const [name] of suites) rmSync(`.test-counts/${name}.json`, { force: true });
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
console.log(`corpus tests: ${passed} passed, ${failed} failed`);
process.exit(failedSuites.length ? 1 : 0);
