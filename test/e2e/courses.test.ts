// The project's test courses (test/fixtures/README.md), played in the built app from their URL under
// /fixtures/: play-courses.ts says what is checked. golf.corpus.test.ts does the same on real packages.
import { fixturesRoot } from './harness.js';
import { readPackages } from './course-packages.js';
import { playCourses } from './play-courses.js';

const courses = [
  'runtime-12',
  'runtime-2004-3rd',
  'single-sco-2004-2nd',
  'single-sco-2004-4th',
  'multi-sco-2004-3rd',
  'one-file-per-sco-12',
  'xml-base-2004-4th',
  'sub-manifest-2004-3rd',
  'encoding-latin1-12',
  'encoding-utf16-2004-3rd',
  'prerequisites-12',
  'extensions-2004-4th',
  'seq-forced-sequential',
  'seq-post-test-rollup-4th',
  'seq-remediation',
  'seq-random-test',
  'seq-hidden-disabled',
  'seq-global-objectives',
  'interactions-12',
  'interactions-2004-4th',
];

playCourses({
  title: 'fixture courses in the built app',
  packages: readPackages(fixturesRoot, courses),
  folder: '/fixtures/',
  // The sub-manifest's lessons sit in a cluster without flow of its own (SN: flow defaults to false).
  noFlowCheck: /sub-manifest/,
  killed: ['runtime-2004-3rd', 'runtime-12'],
});
