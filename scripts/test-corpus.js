// `npm run test:corpus`: the real-content suite, against the corpus folder (SCORM_CORPUS, default
// ../shared/corpus: the golf packages and the edge-case manifests). Runs the *.corpus.test.ts unit tests in
// Chromium, the *.corpus.test.ts whole-app tests on the built app, then the *.corpus.bench.ts benchmarks, even
// when an earlier one fails. Stops at once, plainly, when the corpus folder is missing. Counts go to
// .test-counts/{unit-corpus,e2e-corpus,bench-corpus}.json beside those of `npm test` (left in place).
import { rmSync } from 'node:fs';
import { corpusMissingMessage, corpusPresent, corpusRoot } from './corpus.js';
import { runSuites } from './run-suites.js';

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
process.exit(runSuites(suites, { label: 'corpus tests', env }));
