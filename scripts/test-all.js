// `npm test`: every suite in turn — unit and component tests in Chromium (@web/test-runner), the Node suites
// (architecture, CLI), then the whole-app tests on the built app — even when an earlier one fails, so one run
// reports every failure. Exits non-zero if any suite failed; prints the totals from .test-counts/.
import { rmSync } from 'node:fs';
import { runSuites } from './run-suites.js';

const suites = [
  ['unit', ['run', 'test:unit']],
  ['node', ['run', 'test:node']],
  ['e2e', ['run', 'test:e2e']],
];
rmSync('.test-counts', { recursive: true, force: true });
process.exit(runSuites(suites, { label: 'tests' }));
